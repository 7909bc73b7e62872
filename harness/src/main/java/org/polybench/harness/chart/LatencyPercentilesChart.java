package org.polybench.harness.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.CategoryStyler;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.Throughput;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;

/**
 * Per workload whose runners report {@code extra.doc_latency_ns} (tokenize),
 * {@code <workload>-latency.{png,svg}}: at the largest size where some usable cell has them, the
 * per-document latency percentiles p50, p90, p99, p99.9 and max of the measured iterations, one
 * line per implementation on a log axis. A tail that climbs much faster than the median is where
 * pauses (GC, allocation, the OS) show.
 */
public final class LatencyPercentilesChart implements Chart {
  private static final int PLOT_HEIGHT = 420;

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public Drawing draw(org.polybench.harness.store.RunRecord run, WorkloadTable t) {
    CategoryChart c = build(t);
    if (c == null) return null;
    String note = notMeasured(t);
    ChartFiles.Overlay overlay = note.isEmpty() ? null : g -> {
      // top left inside the plot: which usable cells have no per-document times, and why
      java.awt.FontMetrics fm = g.getFontMetrics(ChartStyle.SMALL_FONT);
      double left = c.getScreenXFromChart(0) + 10;
      double top = c.getScreenYFromChart(c.getStyler().getYAxisMax()) + 8 + fm.getAscent();
      g.setColor(ChartStyle.FOOTER_TEXT);
      ChartFiles.drawCentered(g, note, ChartStyle.SMALL_FONT, left + fm.stringWidth(note) / 2.0, top);
    };
    return new Drawing(c, overlay);
  }

  /** "not shown (one batch call, no per-document times): python/hf-tokenizers-batch", or "". */
  static String notMeasured(WorkloadTable t) {
    long size = sizeWithLatencies(t);
    List<String> none = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      if (m != null && Throughput.latencies(m).isEmpty()) none.add(r.label());
    }
    return none.isEmpty() ? "" : "not shown (no per-document times): " + String.join(", ", none);
  }

  /** One implementation's percentiles (ns, in {@link Throughput#PERCENTILE_KEYS} order). */
  record Line(String label, String implementation, List<Double> ns, long documents) {}

  /** The largest size at which a usable cell reports latencies. */
  static long sizeWithLatencies(WorkloadTable t) {
    long best = -1;
    for (long size : t.sizes()) {
      for (WorkloadTable.Row r : t.rows()) {
        if (!Throughput.latencies(r.usable(size)).isEmpty()) best = Math.max(best, size);
      }
    }
    return best;
  }

  /** The lines at {@link #sizeWithLatencies}, lowest p99 first; empty when none. */
  static List<Line> lines(WorkloadTable t) {
    long size = sizeWithLatencies(t);
    if (size < 0) return List.of();
    List<Line> lines = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      List<Double> ns = Throughput.latencies(m);
      if (ns.isEmpty()) continue;
      Object docs = m.extra().get("documents");
      lines.add(new Line(r.label(), r.implementation(), ns, docs instanceof Number n ? n.longValue() : -1));
    }
    lines.sort(java.util.Comparator.comparingDouble(l -> l.ns().get(2)));
    return lines;
  }

  static CategoryChart build(WorkloadTable t) {
    List<Line> lines = lines(t);
    if (lines.isEmpty()) return null;
    long size = sizeWithLatencies(t);
    long docs = lines.get(0).documents();
    String docsText = docs > 0 ? " (" + Numbers.size(docs) + " per iteration)" : "";
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(t.workload() + " at " + Numbers.size(size) + " " + t.sizeUnit() + ": latency per document")
            .xAxisTitle("percentile over all documents of the measured iterations" + docsText)
            .yAxisTitle("latency of one document (log scale)")
            .build();
    CategoryStyler s = chart.getStyler();
    ChartStyle.apply(s);
    s.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    s.setOverlapped(true); // every line's points at the centre of their percentile
    s.setMarkerSize(9);
    s.setLegendSeriesLineLength(28);

    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Line l : lines) {
      for (double v : l.ns()) {
        lo = Math.min(lo, Math.max(1, v));
        hi = Math.max(hi, Math.max(1, v));
      }
    }
    double[] y = LogAxis.withTwoDecades(Math.floor(LogAxis.log(lo) - 0.05), Math.ceil(LogAxis.log(hi) + 0.05));
    s.setYAxisMin(y[0]);
    s.setYAxisMax(y[1]);
    s.setyAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(Durations::formatCompact, y[0], y[1]));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y[0], y[1], PLOT_HEIGHT));
    List<String> categories = Throughput.PERCENTILE_LABELS;
    LogAxis.guardRange(chart, categories, y[0], y[1]);
    // the guards are bars elsewhere; drawn as lines here they must not show a marker either
    chart.getSeriesMap().values().forEach(g -> g.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE));
    for (Line l : lines) {
      Double[] values = l.ns().stream().map(v -> LogAxis.log(Math.max(1, v))).toArray(Double[]::new);
      CategorySeries series = chart.addSeries(l.label(), categories, Arrays.asList(values));
      series.setLineColor(ChartStyle.color(l.implementation()));
      series.setMarkerColor(ChartStyle.color(l.implementation()));
      series.setMarker(ChartStyle.marker(l.implementation()));
      series.setLineStyle(ChartStyle.LINE);
      series.setFillColor(ChartStyle.color(l.implementation()));
    }
    return chart;
  }
}
