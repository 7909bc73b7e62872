package org.polybench.harness.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * Per workload, {@code <workload>-time-vs-size.{png,svg}}: the median time of every usable cell
 * against its size on log-log axes (time on a log axis against a linear depth for a workload whose
 * size is an exponent, Workload#logSizeAxis), one line per implementation (and thread count).
 */
public final class TimeVsSizeChart implements Chart {
  /** About the plot area left by the title, axis labels and the legend at 1000x600. */
  private static final int PLOT_WIDTH = 680;
  private static final int PLOT_HEIGHT = 440;

  @Override
  public String name() {
    return "time-vs-size";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    return t.hasUsable() ? new Drawing(build(t), null) : null;
  }

  static XYChart build(WorkloadTable t) {
    boolean logSize = LogAxis.logSize(t);
    XYChart chart = ChartStyle.lines(
        t.workload() + ": median time vs size",
        "size (" + t.sizeUnit() + (LogAxis.logSize(t) ? ", log scale)" : ")"),
        "median time per iteration (log scale)",
        9);
    XYStyler s = chart.getStyler();
    // log axes by plotting log10 values (see LogAxis for why not XChart's log axes)

    record Line(WorkloadTable.Row row, int threadRank, List<Double> xs, List<Double> ys) {}
    List<Line> lines = new ArrayList<>();
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    Map<String, Integer> threadRank = new HashMap<>();
    for (WorkloadTable.Row r : t.rows()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      // calibrated sizes too: each line then spans the common sizes and its own
      for (long size : t.allSizes()) {
        CellResult m = r.usable(size);
        // a 0 ns median (below clock resolution) cannot sit on a log axis: leave it out
        if (m != null && size > 0 && m.medianNs() > 0) {
          xs.add(LogAxis.sizeX(logSize, size));
          ys.add(LogAxis.log(m.medianNs()));
        }
      }
      int rank = threadRank.merge(r.implementation(), 1, Integer::sum) - 1;
      if (xs.isEmpty()) {
        continue;
      }
      lines.add(new Line(r, rank, xs, ys));
      for (int i = 0; i < xs.size(); i++) {
        minX = Math.min(minX, xs.get(i));
        maxX = Math.max(maxX, xs.get(i));
        minY = Math.min(minY, ys.get(i));
        maxY = Math.max(maxY, ys.get(i));
      }
    }
    if (lines.isEmpty()) {
      return chart;
    }
    LogAxis.sizeAxes(chart, logSize, minX, maxX, minY, maxY, Numbers::sizeCompact, Durations::formatCompact, PLOT_WIDTH, PLOT_HEIGHT);
    for (Line l : lines) {
      String impl = l.row().implementation();
      XYSeries series = chart.addSeries(l.row().label(), l.xs(), l.ys());
      series.setLineColor(ChartStyle.color(impl));
      series.setMarkerColor(ChartStyle.color(impl));
      series.setMarker(ChartStyle.marker(impl));
      series.setLineStyle(ChartStyle.stroke(l.threadRank()));
    }
    return chart;
  }
}
