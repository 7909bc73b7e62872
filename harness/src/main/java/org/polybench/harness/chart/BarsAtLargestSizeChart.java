package org.polybench.harness.chart;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.CategoryStyler;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * Per workload, {@code <workload>-bars.{png,svg}}: at the largest size with usable cells, one bar
 * per implementation of its median time, fastest first, on a log axis (the bars span orders of
 * magnitude). Whiskers run from the fastest to the slowest sample; above each the factor vs the
 * fastest median and the median itself.
 *
 * <p>XChart's category error bars are symmetric (and misplaced on log axes), so the whiskers and
 * labels are painted over the chart using its own data-to-screen transform.
 */
public final class BarsAtLargestSizeChart implements Chart {
  /** About the plot height left by the title and the (rotated) labels at 1000x600. */
  private static final int PLOT_HEIGHT = 400;

  @Override
  public String name() {
    return "bars";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    Figure f = build(t);
    return f == null ? null : new Drawing(f.chart, f::overlay);
  }

  /**
   * One bar: its label, median, sample min and max (ns) and factor vs the fastest, with the texts
   * shown above it: the factor ("37.2x"; "1.0x" for the fastest) and its 95% interval ("[35.0x,
   * 39.9x]", view.Ratios; null for the fastest).
   */
  record Bar(String label, String implementation, double medianNs, double minNs, double maxNs, double factor, String factorText,
      String interval) {}

  /** The bars at the largest size with usable cells, fastest first; empty when none. */
  static List<Bar> bars(WorkloadTable t) {
    if (t.largestUsableSize().isEmpty()) {
      return List.of();
    }
    long size = t.largestUsableSize().getAsLong();
    List<Bar> bars = new ArrayList<>();
    for (WorkloadTable.Row r : t.rankedAt(size)) {
      CellResult m = r.usable(size);
      double median = m.medianNs();
      double min = m.minNs() != null ? m.minNs() : median;
      double max = m.maxNs() != null ? m.maxNs() : median;
      double factor = t.factor(r, size).orElse(Double.NaN);
      var ci = t.factorInterval(r, size);
      bars.add(new Bar(r.label(), r.implementation(), median, min, max, factor,
          ci == null ? Numbers.factor(factor) : org.polybench.harness.view.Ratios.ratio(ci.estimate()),
          ci == null ? null : "[" + org.polybench.harness.view.Ratios.ratio(ci.low()) + ", " + org.polybench.harness.view.Ratios.ratio(ci.high()) + "]"));
    }
    return bars;
  }

  static final class Figure {
    final CategoryChart chart;
    final List<Bar> bars;

    Figure(CategoryChart chart, List<Bar> bars) {
      this.chart = chart;
      this.bars = bars;
    }

    /** Whiskers min..max and, above them, "factor" and the median. */
    void overlay(Graphics2D g) {
      for (int i = 0; i < bars.size(); i++) {
        Bar b = bars.get(i);
        double x = CategoryBars.x(chart, i);
        double yMin = chart.getScreenYFromChart(LogAxis.log(Math.max(b.minNs, 1)));
        double yMax = chart.getScreenYFromChart(LogAxis.log(Math.max(b.maxNs, 1)));
        CategoryBars.whisker(g, x, yMin, yMax);
        double top = Math.min(yMax, chart.getScreenYFromChart(LogAxis.log(Math.max(b.medianNs, 1)))) - 6;
        CategoryBars.threeLabels(g, x, top, b.factorText, b.interval, Durations.format(b.medianNs));
      }
    }
  }

  /** "; not shown: java/vector (failed)" for cells at this size that were measured but unusable. */
  static String notShown(WorkloadTable t, long size) {
    List<String> missing = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.cell(size);
      if (m != null && !m.usable()) {
        missing.add(r.label() + " (" + (m.status() == null ? "unknown" : m.status().json()) + ")");
      }
    }
    if (missing.isEmpty()) {
      return "";
    }
    if (missing.size() > 3) {
      return "; not shown: " + missing.size() + " unusable cells (see summary)";
    }
    return "; not shown: " + String.join(", ", missing);
  }

  static Figure build(WorkloadTable t) {
    List<Bar> bars = bars(t);
    if (bars.isEmpty()) {
      return null;
    }
    long size = t.largestUsableSize().getAsLong();
    CategoryChart chart =
        CategoryBars.chart(
            t.workload() + " at " + t.sizePhrase(size) + ": median time, whiskers min..max",
            "implementation, fastest first" + notShown(t, size),
            "median time per iteration (log scale)",
            bars.size());
    CategoryStyler s = chart.getStyler();
    // a log axis by plotting log10 values (see LogAxis); bars stand on the axis minimum

    List<String> labels = bars.stream().map(Bar::label).toList();
    double lowest = bars.stream().mapToDouble(b -> Math.max(1, Math.min(b.minNs, b.medianNs))).min().orElse(1);
    double highest = bars.stream().mapToDouble(b -> Math.max(b.maxNs, b.medianNs)).max().orElse(1);
    // the fastest bar stands at least a decade tall; room above the tallest whisker for two labels
    double y0 = Math.floor(LogAxis.log(lowest)) - 1;
    double y1 = Math.ceil(LogAxis.log(highest) + 0.7);
    s.setYAxisMin(y0);
    s.setYAxisMax(y1);
    s.setyAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(Durations::formatCompact, y0, y1));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y0, y1, PLOT_HEIGHT));
    LogAxis.guardRange(chart, labels, y0, y1);
    CategoryBars.addBars(chart, labels, bars.stream().map(Bar::implementation).toList(),
        bars.stream().map(b -> LogAxis.log(Math.max(b.medianNs, 1))).toList());
    return new Figure(chart, bars);
  }
}
