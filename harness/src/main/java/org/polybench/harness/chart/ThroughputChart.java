package org.polybench.harness.chart;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.CategoryStyler;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.Throughput;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;

/**
 * Per workload sized in bytes (tokenize), {@code <workload>-throughput.{png,svg}}: at the largest
 * size with usable cells, one bar per implementation of its throughput at the median time (MB/s,
 * higher is better), fastest first, on a log axis. Whiskers span the throughput of the slowest to
 * the fastest sample; above each bar its MB/s and tokens/s.
 */
public final class ThroughputChart implements Chart {
  private static final int PLOT_HEIGHT = 400;

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public Drawing draw(org.polybench.harness.store.RunRecord run, WorkloadTable t) {
    Figure f = build(t);
    return f == null ? null : new Drawing(f.chart, f::overlay);
  }

  /** One bar: MB/s at the median, at the slowest and fastest sample, and tokens/s (NaN if unknown). */
  record Bar(String label, String implementation, double mbps, double lowMbps, double highMbps, double tokensPerSecond) {}

  static List<Bar> bars(WorkloadTable t) {
    if (t.largestUsableSize().isEmpty()) return List.of();
    long size = t.largestUsableSize().getAsLong();
    List<Bar> bars = new ArrayList<>();
    for (WorkloadTable.Row r : t.rankedAt(size)) {
      CellResult m = r.usable(size);
      double median = m.medianNs();
      double slowest = m.maxNs() != null ? m.maxNs() : median;
      double fastest = m.minNs() != null ? m.minNs() : median;
      bars.add(new Bar(
          r.label(), r.implementation(), Throughput.mbPerSecond(size, median), Throughput.mbPerSecond(size, slowest),
          Throughput.mbPerSecond(size, fastest), Throughput.tokensPerSecond(m)));
    }
    bars.sort(Comparator.comparingDouble(Bar::mbps).reversed());
    return bars;
  }

  static final class Figure {
    final CategoryChart chart;
    final List<Bar> bars;
    /** Plotted values are log10(MB/s) - base, so every bar stands on the axis minimum (0). */
    final double base;

    Figure(CategoryChart chart, List<Bar> bars, double base) {
      this.chart = chart;
      this.bars = bars;
      this.base = base;
    }

    double y(double mbps) {
      return chart.getScreenYFromChart(LogAxis.log(mbps) - base);
    }

    void overlay(Graphics2D g) {
      for (int i = 0; i < bars.size(); i++) {
        Bar b = bars.get(i);
        double x = CategoryBars.x(chart, i);
        double yHigh = y(b.highMbps);
        CategoryBars.whisker(g, x, y(b.lowMbps), yHigh);
        double top = Math.min(yHigh, y(b.mbps)) - 6;
        String tokens = Double.isNaN(b.tokensPerSecond) ? "" : Throughput.formatTokens(b.tokensPerSecond);
        CategoryBars.twoLabels(g, x, top, Throughput.formatMb(b.mbps), tokens);
      }
    }
  }

  static Figure build(WorkloadTable t) {
    List<Bar> bars = bars(t);
    if (bars.isEmpty()) return null;
    long size = t.largestUsableSize().getAsLong();
    CategoryChart chart =
        CategoryBars.chart(
            t.workload() + " at " + t.sizePhrase(size) + ": throughput (higher is better)",
            "implementation, fastest first; whiskers: slowest..fastest sample" + BarsAtLargestSizeChart.notShown(t, size),
            "MB/s at the median time (log scale)",
            bars.size());
    CategoryStyler s = chart.getStyler();

    List<String> labels = bars.stream().map(Bar::label).toList();
    double lowest = bars.stream().mapToDouble(b -> Math.min(b.lowMbps, b.mbps)).min().orElse(1);
    double highest = bars.stream().mapToDouble(b -> Math.max(b.highMbps, b.mbps)).max().orElse(1);
    // the slowest bar stands at least a decade tall; room above the tallest whisker for two labels
    double y0 = Math.floor(LogAxis.log(lowest)) - 1;
    double y1 = Math.ceil(LogAxis.log(highest) + 0.7);
    // below 1 MB/s log10 is negative and XChart would hang such bars from 0: plot above y0
    s.setYAxisMin(0.0);
    s.setYAxisMax(y1 - y0);
    var decades = LogAxis.decadeLabels(v -> Numbers.sizeCompact(v) + " MB/s", y0, y1);
    s.setyAxisTickLabelsFormattingFunction(v -> decades.apply(v + y0));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y0, y1, PLOT_HEIGHT));
    LogAxis.guardRange(chart, labels, 0, y1 - y0);
    CategoryBars.addBars(chart, labels, bars.stream().map(Bar::implementation).toList(),
        bars.stream().map(b -> LogAxis.log(b.mbps) - y0).toList());
    return new Figure(chart, bars, y0);
  }
}
