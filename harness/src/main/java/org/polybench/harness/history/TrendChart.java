package org.polybench.harness.history;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One cell's trend on one machine: the median of each run with its 95% CI as a whisker, runs
 * in time order labelled by date and commit, each change point a dashed line with its size and
 * confidence.
 */
public final class TrendChart {
  private static final Color LINE = new Color(0x1f, 0x77, 0xb4);
  private static final Color CHANGE = new Color(0xd6, 0x27, 0x28);

  private TrendChart() {}

  public static Path write(Trend t, Path file) throws IOException {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    List<HistoryStore.Point> pts = t.points();
    double top = pts.stream().mapToDouble(p -> p.ciHigh() != null ? p.ciHigh() : p.median()).max().orElse(1);
    boolean counts = HistoryStore.INSTRUCTIONS.equals(t.metric());
    double[] unit = unit(top);
    String unitName = unit[1] == 1 ? "ns" : unit[1] == 1e3 ? "µs" : unit[1] == 1e6 ? "ms" : "s";
    if (counts) unitName = unit[1] == 1 ? "" : unit[1] == 1e3 ? "thousands" : unit[1] == 1e6 ? "millions" : "billions";
    XYChart chart = new XYChartBuilder().width(1000).height(560)
        .title(t.cell().label() + (counts ? ": instructions per call, per run" : ": median per run"))
        .xAxisTitle("run (start date, commit) · " + t.machine())
        .yAxisTitle((counts ? "instructions per call" : "time per call") + (unitName.isEmpty() ? "" : " (" + unitName + ")"))
        .build();
    var s = chart.getStyler();
    s.setLegendVisible(true);
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setYAxisMin(0.0);
    s.setAnnotationLineColor(CHANGE);
    s.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    s.setAnnotationTextFontColor(CHANGE);
    s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    // integer bounds, so XChart's "nice" ticks fall on runs (a bound of -0.5 puts them between)
    s.setXAxisMin(-1.0);
    s.setXAxisMax((double) pts.size());
    s.setxAxisTickLabelsFormattingFunction(x -> label(pts, x));
    s.setXAxisTickMarkSpacingHint(110);
    if (pts.size() > 6) s.setXAxisLabelRotation(40);

    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      x[i] = i;
      y[i] = pts.get(i).median() / unit[1];
    }
    XYSeries median = chart.addSeries(counts ? "instructions (callgrind)" : "median", x, y);
    median.setLineColor(LINE);
    median.setMarkerColor(LINE);
    median.setMarker(SeriesMarkers.CIRCLE);
    median.setLineStyle(new BasicStroke(2f));
    boolean anyCi = false;
    for (int i = 0; i < pts.size(); i++) {
      HistoryStore.Point p = pts.get(i);
      if (p.ciLow() == null || p.ciHigh() == null) continue;
      XYSeries w = chart.addSeries("95% CI " + i, new double[] {i, i}, new double[] {p.ciLow() / unit[1], p.ciHigh() / unit[1]});
      w.setLineColor(LINE);
      w.setMarker(SeriesMarkers.NONE);
      w.setLineStyle(new BasicStroke(1.2f));
      w.setShowInLegend(!anyCi);
      if (!anyCi) w.setLabel("95% CI of the median");
      anyCi = true;
    }
    for (Trend.Change c : t.changes()) {
      AnnotationLine line = new AnnotationLine(c.at() - 0.5, true, false);
      chart.addAnnotation(line);
      String text = String.format(Locale.ROOT, "%+.0f%% (conf. %.1f%%)", (c.ratio() - 1) * 100, c.confidence() * 100);
      AnnotationText label = new AnnotationText(text, c.at() - 0.5, top / unit[1] * 0.97, false);
      chart.addAnnotation(label);
    }
    s.setYAxisMax(top / unit[1] * 1.08);
    Files.createDirectories(file.getParent());
    String base = file.toString().replaceAll("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    return Path.of(base + ".png");
  }

  /** "11-23 3f2c9a1" at a run's index, nothing between runs. */
  static String label(List<HistoryStore.Point> pts, double x) {
    long i = Math.round(x);
    if (Math.abs(x - i) > 1e-6 || i < 0 || i >= pts.size()) {
      // no label between runs; XChart drops all labels when two are equal, so each blank is unique (zero-width spaces)
      return "\u200B".repeat(1 + (int) Math.round((x + 2) * 4));
    }
    HistoryStore.Point p = pts.get((int) i);
    String date = p.startedAt() == null || p.startedAt().length() < 10 ? "?" : p.startedAt().substring(5, 10);
    String commit = p.commit() == null ? "" : " " + p.commit().substring(0, Math.min(7, p.commit().length())) + (p.dirty() ? "+" : "");
    return date + commit;
  }

  /** {scale for display, ns per unit}. */
  private static double[] unit(double ns) {
    if (ns >= 1e9) return new double[] {1, 1e9};
    if (ns >= 1e6) return new double[] {1, 1e6};
    if (ns >= 1e3) return new double[] {1, 1e3};
    return new double[] {1, 1};
  }
}
