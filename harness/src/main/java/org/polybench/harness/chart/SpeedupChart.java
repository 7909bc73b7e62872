package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.ThreadScaling;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.RunRecord;

/**
 * Per threaded workload with several thread counts, {@code <workload>-speedup.{png,svg}}: at the
 * largest size with usable cells, the speedup (median at 1 thread / median at T) of every
 * implementation against T, with the ideal y = x and the machine's logical core count marked.
 * Points above the core count are oversubscription.
 */
public final class SpeedupChart implements Chart {
  private static final Color IDEAL = new Color(0x88, 0x88, 0x88);
  private static final Color CORES = new Color(0xB0, 0x30, 0x30);

  @Override
  public String name() {
    return "speedup";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    var scaling = ThreadScaling.of(run, t);
    if (scaling.isEmpty() || !hasSpeedups(scaling.get())) return null;
    Figure f = build(scaling.get());
    return new Drawing(f.chart, f::overlay);
  }

  private static boolean hasSpeedups(ThreadScaling s) {
    return s.lines().stream().anyMatch(l -> l.points().stream().anyMatch(p -> !Double.isNaN(p.speedup())));
  }

  static final class Figure {
    final XYChart chart;
    final ThreadScaling scaling;
    final double yMax;

    Figure(XYChart chart, ThreadScaling scaling, double yMax) {
      this.chart = chart;
      this.scaling = scaling;
      this.yMax = yMax;
    }

    /** The core count as a labelled vertical line (XChart has no annotations that reach the SVG as text outlines). */
    void overlay(Graphics2D g) {
      if (scaling.logicalCores() == null) {
        return;
      }
      double x = chart.getScreenXFromChart(scaling.logicalCores());
      double top = chart.getScreenYFromChart(yMax);
      double bottom = chart.getScreenYFromChart(0);
      g.setColor(CORES);
      g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
      g.draw(new Line2D.Double(x, top, x, bottom));
      String label = scaling.logicalCores() + " logical cores";
      java.awt.font.TextLayout layout = new java.awt.font.TextLayout(label, ChartStyle.SMALL_FONT, g.getFontRenderContext());
      double w = layout.getAdvance();
      // left of the line when it sits at the right edge, else right of it
      double lx = x + 6 + w > chart.getScreenXFromChart(chart.getStyler().getXAxisMax()) ? x - 6 - w : x + 6;
      g.fill(layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(lx, top + 16)));
    }
  }

  static Figure build(ThreadScaling s) {
    int maxT = Math.max(s.maxThreads(), s.logicalCores() == null ? 1 : s.logicalCores());
    double maxSpeedup = 1;
    for (ThreadScaling.Line l : s.lines()) {
      for (ThreadScaling.Point p : l.points()) {
        if (!Double.isNaN(p.speedup())) {
          maxSpeedup = Math.max(maxSpeedup, p.speedup());
        }
      }
    }
    double xMax = maxT + 0.25;
    double yMax = Math.ceil(Math.max(maxT, maxSpeedup) + 0.25);
    XYChart chart = ChartStyle.lines(
        s.workload() + ": speedup vs threads" + (s.size() > 0 && !s.calibrated() ? " at " + Numbers.sizePhrase(s.workload(), s.sizeUnit(), s.size())
                : s.calibrated() ? " (calibrated n)" : " (largest n)"),
        "threads (T)",
        "speedup = median at 1 thread / median at T",
        10);
    XYStyler st = chart.getStyler();
    st.setXAxisMin(0.0);
    st.setXAxisMax(xMax);
    st.setYAxisMin(0.0);
    st.setYAxisMax(yMax);
    // whole numbers only: threads and speedups are read against integers
    st.setxAxisTickLabelsFormattingFunction(v -> integerLabel(v, 0.0, xMax));
    st.setyAxisTickLabelsFormattingFunction(v -> integerLabel(v, 0.0, yMax));
    // the legend takes half the width: a hint of 680 px / (T + 1) left only 0 and 2 on the axis
    st.setXAxisTickMarkSpacingHint(Math.max(30, 300 / Math.max(1, maxT + 1)));
    st.setYAxisTickMarkSpacingHint(Math.max(40, 440 / (int) Math.max(1, yMax)));

    XYSeries ideal = chart.addSeries("ideal: speedup = T", new double[] {0, xMax}, new double[] {0, xMax});
    ideal.setMarker(SeriesMarkers.NONE);
    ideal.setLineColor(IDEAL);
    ideal.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f));
    int longest = 0;
    // when every line ends at the same thread count, its place on the x axis says it: " at T" is left out
    boolean sameEnd = s.lines().stream().filter(l -> !l.points().isEmpty())
        .map(l -> l.points().get(l.points().size() - 1).threads()).distinct().count() <= 1;
    for (ThreadScaling.Line l : s.lines()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (ThreadScaling.Point p : l.points()) {
        if (!Double.isNaN(p.speedup())) {
          xs.add((double) p.threads());
          ys.add(p.speedup());
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      ThreadScaling.Point last = l.points().get(l.points().size() - 1);
      String label = l.label() + " " + last.speedupText() + (sameEnd ? "" : " at " + last.threads())
          + (s.size() > 0 && !s.calibrated() ? "" : ", n=" + Numbers.sizeCompact(l.size()))
          + (l.threadsBetweenCalls().isEmpty() ? "" : l.threadsBetweenCalls().equals("reused") ? ", pool" : ", new threads");
      longest = Math.max(longest, label.length());
      XYSeries series = chart.addSeries(label, xs, ys);
      series.setLineColor(ChartStyle.color(l.implementation()));
      series.setMarkerColor(ChartStyle.color(l.implementation()));
      series.setMarker(ChartStyle.marker(l.implementation()));
      series.setLineStyle(ChartStyle.LINE);
    }
    // labels with interval, size and pool ran past the image's right edge at the legend's usual size
    if (longest > 60) {
      st.setLegendFont(ChartStyle.SMALL_FONT);
      // XChart sizes the legend box a few pixels narrower than the text it paints: more room inside it
      st.setLegendPadding(16);
    }
    if (s.logicalCores() != null) {
      // legend entry only; the line itself is painted by the overlay
      XYSeries cores = chart.addSeries("logical cores (" + s.logicalCores() + ")", new double[] {s.logicalCores()}, new double[] {-1});
      cores.setMarker(SeriesMarkers.NONE);
      cores.setLineColor(CORES);
      cores.setLineStyle(SeriesLines.DASH_DASH);
    }
    return new Figure(chart, s, yMax);
  }

  /** "2" at whole numbers; blank between them; distinct invisible labels at the axis ends. */
  private static String integerLabel(double v, double lo, double hi) {
    double r = Math.rint(v);
    if (Math.abs(v - r) < 1e-6) {
      return Long.toString((long) r);
    }
    if (v == lo) {
      return "\u200B";
    }
    return v == hi ? "\u200B\u200B" : "";
  }
}
