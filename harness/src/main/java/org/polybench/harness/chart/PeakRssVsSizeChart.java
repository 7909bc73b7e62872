package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.MemoryFigures;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;

/**
 * Per workload, {@code <workload>-peak-rss-vs-size.{png,svg}}: every usable cell's peak RSS against
 * its size on log-log axes, one solid line per implementation, and its baseline (VmHWM before any
 * input, {@link MemoryFigures}) as a dashed line of the same colour: the gap is what the workload
 * itself holds.
 */
public final class PeakRssVsSizeChart implements Chart {
  private static final int PLOT_WIDTH = 680;
  private static final int PLOT_HEIGHT = 440;
  private static final BasicStroke DASHED =
      new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 5f}, 0f);

  @Override
  public String name() {
    return "peak-rss-vs-size";
  }

  /** One implementation's points: log10 size (the size itself on a linear size axis), log10 peak bytes, log10 baseline bytes (NaN when none). */
  record Line(WorkloadTable.Row row, List<Double> xs, List<Double> peaks, List<Double> baselineXs, List<Double> baselines) {}

  static List<Line> lines(WorkloadTable t) {
    boolean logSize = LogAxis.logSize(t);
    List<Line> lines = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), bx = new ArrayList<>(), by = new ArrayList<>();
      for (long size : t.sizes()) {
        MemoryFigures f = MemoryFigures.of(r.usable(size));
        if (f == null || size <= 0 || f.peakRssBytes() == null || f.peakRssBytes() <= 0) continue;
        xs.add(LogAxis.sizeX(logSize, size));
        ys.add(LogAxis.log(f.peakRssBytes()));
        if (f.baselineRssBytes() != null && f.baselineRssBytes() > 0) {
          bx.add(LogAxis.sizeX(logSize, size));
          by.add(LogAxis.log(f.baselineRssBytes()));
        }
      }
      if (!xs.isEmpty()) lines.add(new Line(r, xs, ys, bx, by));
    }
    return lines;
  }

  /** Tick labels at powers of ten: decimal units, so a decade reads 1 MB, 10 MB, 100 MB. */
  static String decimalBytes(double b) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (u < units.length - 1 && b >= 999.5) {
      b /= 1000;
      u++;
    }
    return new java.math.BigDecimal(Numbers.sig3(b)).stripTrailingZeros().toPlainString() + " " + units[u];
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    List<Line> lines = lines(t);
    if (lines.isEmpty()) return null;
    XYChart chart = ChartStyle.lines(
        t.workload() + ": peak RSS vs size (dashed: the runner's baseline, before any input)",
        "size (" + t.sizeUnit() + (LogAxis.logSize(t) ? ", log scale)" : ")"),
        "peak resident set, VmHWM (log scale)",
        9);
    XYStyler s = chart.getStyler();
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (Line l : lines) {
      for (double x : l.xs()) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
      for (List<Double> ys : List.of(l.peaks(), l.baselines())) {
        for (double y : ys) {
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    LogAxis.sizeAxes(chart, LogAxis.logSize(t), minX, maxX, minY, maxY, Numbers::sizeCompact, PeakRssVsSizeChart::decimalBytes, PLOT_WIDTH, PLOT_HEIGHT);
    for (Line l : lines) {
      String impl = l.row().implementation();
      XYSeries peak = chart.addSeries(l.row().label(), l.xs(), l.peaks());
      peak.setLineColor(ChartStyle.color(impl));
      peak.setMarkerColor(ChartStyle.color(impl));
      peak.setMarker(ChartStyle.marker(impl));
      if (!l.baselines().isEmpty()) {
        XYSeries base = chart.addSeries(l.row().label() + " baseline", l.baselineXs(), l.baselines());
        base.setLineColor(ChartStyle.color(impl));
        base.setLineStyle(DASHED);
        base.setMarker(SeriesMarkers.NONE);
        base.setShowInLegend(false);
      }
    }
    return new Drawing(chart, null);
  }
}
