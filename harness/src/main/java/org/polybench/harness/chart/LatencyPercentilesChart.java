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
import org.polybench.harness.view.IterationLatency;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.Throughput;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.stats.LatencyPercentiles;
import org.polybench.harness.store.CellResult;

/**
 * Latency percentiles at the largest size where some usable cell has them, one line per
 * implementation on a log axis; a tail that climbs much faster than the median is where pauses
 * (GC, allocation, the OS) show. Two sources, one registration line each in {@link Charts}:
 *
 * <ul>
 *   <li>{@link Source#PER_DOCUMENT}, {@code <workload>-latency.{png,svg}}: the per-document
 *       percentiles p50, p90, p99, p99.9 and max the runners report in {@code extra.doc_latency_ns}
 *       (tokenize);
 *   <li>{@link Source#PER_ITERATION}, {@code <workload>-iteration-latency.{png,svg}}: p50, p99,
 *       p99.9 and max of the measured iterations, from {@code stats.latency} (any workload
 *       declaring {@code Section.LATENCY}); a percentile with too few samples behind it
 *       ({@code LatencyPercentiles}' rule) is left out of its line and named in the note. The
 *       collections in the same measured calls are marked, so a tail can be tied to them: each
 *       legend entry says how many collections its calls saw (and in how many of the calls, where
 *       the runner counts them per call), and a dashed line in the line's colour is drawn and named
 *       at its longest GC pause (HotSpot's MXBeans keep only a total: there, the mean pause per collection,
 *       labelled so). A runtime without a collector reads "0 GCs" (Rust, by construction).
 * </ul>
 */
public final class LatencyPercentilesChart implements Chart {
  private static final int PLOT_HEIGHT = 420;

  /** Where the percentiles come from. */
  public enum Source { PER_DOCUMENT, PER_ITERATION }

  private final Source source;

  /** The per-document chart (tokenize's). */
  public LatencyPercentilesChart() {
    this(Source.PER_DOCUMENT);
  }

  public LatencyPercentilesChart(Source source) {
    this.source = source;
  }

  @Override
  public String name() {
    return source == Source.PER_DOCUMENT ? "latency" : "iteration-latency";
  }

  @Override
  public Drawing draw(org.polybench.harness.store.RunRecord run, WorkloadTable t) {
    CategoryChart c = build(t, source);
    if (c == null) return null;
    List<String> notes = new ArrayList<>();
    String note = notMeasured(t, source);
    if (!note.isEmpty()) notes.add(note);
    List<Line> marked = source == Source.PER_ITERATION ? lines(t, source).stream().filter(l -> l.gc() != null && l.gc().markNs() != null).toList()
        : List.of();
    if (!marked.isEmpty()) notes.add(MARK_NOTE);
    if (notes.isEmpty()) return new Drawing(c, null);
    ChartFiles.Overlay overlay = g -> {
      java.awt.FontMetrics fm = g.getFontMetrics(ChartStyle.SMALL_FONT);
      double left = c.getScreenXFromChart(0);
      double right = c.getScreenXFromChart(labels(source).size());
      // each marked line's GC pause, dashed in its colour, named at the right end
      for (Line l : marked) {
        double y = c.getScreenYFromChart(LogAxis.log(Math.max(1, l.gc().markNs())));
        g.setColor(ChartStyle.color(l.implementation()));
        g.setStroke(MARK_STROKE);
        g.draw(new java.awt.geom.Line2D.Double(left, y, right, y));
        String text = l.label() + ": " + (l.gc().longest() ? "longest GC pause " : "mean GC pause ") + Durations.format(l.gc().markNs());
        // below the dash: a call that collected lasts at least its pause, so the line's points sit above it
        ChartFiles.drawCentered(g, text, ChartStyle.SMALL_FONT, right - 8 - fm.stringWidth(text) / 2.0, y + 4 + fm.getAscent());
      }
      // top left inside the plot: what is not drawn and why, what the dashes are
      double top = c.getScreenYFromChart(c.getStyler().getYAxisMax()) + 8 + fm.getAscent();
      g.setColor(ChartStyle.FOOTER_TEXT);
      for (String n : notes) {
        ChartFiles.drawCentered(g, n, ChartStyle.SMALL_FONT, left + 10 + fm.stringWidth(n) / 2.0, top);
        top += fm.getHeight();
      }
    };
    return new Drawing(c, overlay);
  }

  static final String MARK_NOTE = "dashed: a line's longest GC pause in the measured calls (mean pause where only a total is kept)";

  private static final java.awt.BasicStroke MARK_STROKE =
      new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);

  /**
   * The collections in one line's measured calls (view.IterationLatency, summed over its processes).
   *
   * @param markNs where its dashed line goes: the longest pause, else the mean pause per collection,
   *     else null (no collection, or none with a measurable time)
   * @param longest whether {@code markNs} is the longest pause (not a mean)
   * @param callsWithGc calls that saw a collection, of {@code calls}; calls is 0 when not counted per call
   */
  record GcMark(long collections, Long pauseNs, Long markNs, boolean longest, int callsWithGc, int calls) {
    static GcMark of(CellResult m) {
      IterationLatency l = IterationLatency.of(m);
      if (l == null || l.gcCollections() == null) return null;
      long n = l.gcCollections();
      Long mark = null;
      boolean longest = false;
      if (n > 0 && l.gcMaxPauseNs() != null && l.gcMaxPauseNs() > 0) {
        mark = l.gcMaxPauseNs();
        longest = true;
      } else if (n > 0 && l.gcPauseNs() != null && l.gcPauseNs() > 0) {
        mark = l.gcPauseNs() / n;
      }
      int[] calls = IterationLatency.callsWithCollections(m);
      return new GcMark(n, l.gcPauseNs(), mark, longest, calls == null ? 0 : calls[0], calls == null ? 0 : calls[1]);
    }

    /**
     * For the legend (short: it sits beside the plot; the pause itself is named on its dashed line):
     * "0 GCs", "14 GCs in 9 of 200 calls", "3 GCs".
     */
    String legend() {
      if (collections == 0) return "0 GCs"; // Rust by construction; a collector that did not run in these calls alike
      StringBuilder s = new StringBuilder(Numbers.size(collections)).append(collections == 1 ? " GC" : " GCs");
      if (calls > 0) s.append(" in ").append(Numbers.size(callsWithGc)).append(" of ").append(Numbers.size(calls)).append(" calls");
      if (markNs == null && pauseNs != null && pauseNs == 0) {
        s.append(", under 1 ms in all"); // HotSpot counts GC time in whole milliseconds
      }
      return s.toString();
    }
  }

  /** "not shown (one batch call, no per-document times): python/hf-tokenizers-batch", or "". */
  static String notMeasured(WorkloadTable t) {
    return notMeasured(t, Source.PER_DOCUMENT);
  }

  /**
   * Per document: the usable cells without per-document times. Per iteration: the percentiles
   * no line has, with the samples they need and the most any cell had.
   */
  static String notMeasured(WorkloadTable t, Source source) {
    long size = sizeWithLatencies(t, source);
    if (source == Source.PER_ITERATION) {
      int most = 0;
      for (WorkloadTable.Row r : t.rows()) {
        CellResult m = r.usable(size);
        if (m != null && m.latency() != null) most = Math.max(most, m.latency().n());
      }
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < LatencyPercentiles.PER_MILLE.size(); i++) {
        int need = LatencyPercentiles.minSamples(LatencyPercentiles.PER_MILLE.get(i));
        if (most < need) missing.add(LatencyPercentiles.LABELS.get(i) + " (needs " + Numbers.size(need) + ")");
      }
      return missing.isEmpty() ? ""
          : "not shown: " + String.join(", ", missing) + "; the cells have at most " + Numbers.size(most) + " samples";
    }
    List<String> none = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      if (m != null && Throughput.latencies(m).isEmpty()) none.add(r.label());
    }
    return none.isEmpty() ? "" : "not shown (no per-document times): " + String.join(", ", none);
  }

  /**
   * One implementation's percentiles (ns, in the source's label order; null where too few samples)
   * and the count behind them: documents per iteration, or measured samples.
   */
  record Line(String label, String implementation, List<Double> ns, long documents, GcMark gc) {
    /** The legend entry: the label, and per iteration the collections of the same calls. */
    String legend() {
      return gc == null ? label : label + ": " + gc.legend();
    }
  }

  /** The percentiles of one cell in the source's order; empty when it has none. */
  static List<Double> values(CellResult m, Source source) {
    if (source == Source.PER_DOCUMENT) return Throughput.latencies(m);
    if (m == null || m.latency() == null) return List.of();
    return m.latency().values().stream().map(v -> v == null ? null : v.doubleValue()).toList();
  }

  static List<String> labels(Source source) {
    return source == Source.PER_DOCUMENT ? Throughput.PERCENTILE_LABELS : LatencyPercentiles.LABELS;
  }

  /** The largest size at which a usable cell reports latencies. */
  static long sizeWithLatencies(WorkloadTable t) {
    return sizeWithLatencies(t, Source.PER_DOCUMENT);
  }

  static long sizeWithLatencies(WorkloadTable t, Source source) {
    long best = -1;
    for (long size : t.sizes()) {
      for (WorkloadTable.Row r : t.rows()) {
        if (!values(r.usable(size), source).isEmpty()) best = Math.max(best, size);
      }
    }
    return best;
  }

  static List<Line> lines(WorkloadTable t) {
    return lines(t, Source.PER_DOCUMENT);
  }

  /** The lines at {@link #sizeWithLatencies}, lowest p99 (else lowest max) first; empty when none. */
  static List<Line> lines(WorkloadTable t, Source source) {
    long size = sizeWithLatencies(t, source);
    if (size < 0) return List.of();
    List<Line> lines = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      List<Double> ns = values(m, source);
      if (ns.isEmpty()) continue;
      long count;
      if (source == Source.PER_DOCUMENT) {
        Object docs = m.extra().get("documents");
        count = docs instanceof Number n ? n.longValue() : -1;
      } else {
        count = m.latency().n();
      }
      lines.add(new Line(r.label(), r.implementation(), ns, count, source == Source.PER_ITERATION ? GcMark.of(m) : null));
    }
    int p99 = labels(source).indexOf("p99");
    lines.sort(java.util.Comparator.comparingDouble(l -> l.ns().get(p99) != null ? l.ns().get(p99) : l.ns().get(l.ns().size() - 1)));
    return lines;
  }

  static CategoryChart build(WorkloadTable t) {
    return build(t, Source.PER_DOCUMENT);
  }

  static CategoryChart build(WorkloadTable t, Source source) {
    List<Line> lines = lines(t, source);
    if (lines.isEmpty()) return null;
    long size = sizeWithLatencies(t, source);
    boolean perDocument = source == Source.PER_DOCUMENT;
    long count = lines.get(0).documents();
    String countText;
    if (perDocument) {
      countText = count > 0 ? " (" + Numbers.size(count) + " per iteration)" : "";
    } else {
      long fewest = lines.stream().mapToLong(Line::documents).min().orElse(0);
      long most = lines.stream().mapToLong(Line::documents).max().orElse(0);
      countText = " (n = " + Numbers.size(fewest) + (most != fewest ? " to " + Numbers.size(most) : "") + " samples per line)";
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(t.workload() + " at " + t.sizePhrase(size)
                + (perDocument ? ": latency per document" : ": latency per iteration"))
            .xAxisTitle((perDocument ? "percentile over all documents of the measured iterations"
                : "percentile over the measured iterations (nearest rank)") + countText)
            .yAxisTitle((perDocument ? "latency of one document" : "time of one iteration") + " (log scale)")
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
      List<Double> shown = new ArrayList<>(l.ns());
      if (l.gc() != null && l.gc().markNs() != null) shown.add(l.gc().markNs().doubleValue()); // its dashed line stays in the plot
      for (Double v : shown) {
        if (v == null) continue;
        lo = Math.min(lo, Math.max(1, v));
        hi = Math.max(hi, Math.max(1, v));
      }
    }
    double[] y = LogAxis.withTwoDecades(Math.floor(LogAxis.log(lo) - 0.05), Math.ceil(LogAxis.log(hi) + 0.05));
    s.setYAxisMin(y[0]);
    s.setYAxisMax(y[1]);
    s.setyAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(Durations::formatCompact, y[0], y[1]));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y[0], y[1], PLOT_HEIGHT));
    List<String> categories = labels(source);
    LogAxis.guardRange(chart, categories, y[0], y[1]);
    // the guards are bars elsewhere; drawn as lines here they must not show a marker either
    chart.getSeriesMap().values().forEach(g -> g.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE));
    for (Line l : lines) {
      // a percentile with too few samples is a gap in its line, not a point
      Double[] values = l.ns().stream().map(v -> v == null ? null : LogAxis.log(Math.max(1, v))).toArray(Double[]::new);
      CategorySeries series = chart.addSeries(l.legend(), categories, Arrays.asList(values));
      series.setLineColor(ChartStyle.color(l.implementation()));
      series.setMarkerColor(ChartStyle.color(l.implementation()));
      series.setMarker(ChartStyle.marker(l.implementation()));
      series.setLineStyle(ChartStyle.LINE);
      series.setFillColor(ChartStyle.color(l.implementation()));
    }
    return chart;
  }
}
