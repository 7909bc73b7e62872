package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * Per workload with a usable cell whose runtime reports its compilation (the GraalPy variants),
 * {@code <workload>-warmup.{png,svg}}: the time of every iteration against its number since the
 * process started (both log scales), warm-up and measured, at the largest such size, for each
 * GraalPy variant beside the CPython variant running the same Python code and the JVM's own Java
 * (which implementations: {@link #implementations}). Warm-up
 * iterations are dashed (stored, left out of the statistics) and a vertical line in each
 * implementation's colour marks where its measured iterations begin: runners warm up for different
 * counts. A JIT shows as a curve that falls and flattens; an interpreter as a flat line.
 */
public final class WarmupChart implements Chart {
  /**
   * Whether a cell ran on a runtime that compiles while it runs and says so ({@code
   * runtime.compilation}: GraalPy's Truffle JIT, or its interpreter-only fallback).
   */
  static boolean reportsCompilation(CellResult m) {
    return m != null && m.runtime() != null && m.runtime().get("compilation") != null;
  }

  /**
   * The implementations drawn at {@code size}, in legend order, read from the cells rather than
   * named here: each one-thread implementation whose runtime reports its compilation (GraalPy's
   * variants), the CPython variant that runs the same Python code ({@code runtime.python_variant},
   * {@code pure} when not said), then the JVM's own Java implementations. Empty without a cell
   * that reports its compilation.
   */
  static List<String> implementations(WorkloadTable t, long size) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.threads() == 1 ? r.usable(size) : null;
      if (!reportsCompilation(m)) continue;
      out.add(r.implementation());
      Object same = m.runtime().get("python_variant");
      out.add("python/" + (same == null ? "pure" : same));
    }
    if (out.isEmpty()) return List.of();
    for (WorkloadTable.Row r : t.rows()) {
      if (r.threads() == 1 && r.implementation().startsWith("java/") && r.usable(size) != null) out.add(r.implementation());
    }
    return List.copyOf(out);
  }

  private static final Color WARMUP_KEY = new Color(0x66, 0x66, 0x66);
  /** Markers only while they stay apart; thousands of iterations are drawn as lines. */
  private static final int MAX_POINTS_WITH_MARKERS = 150;
  /** About the plot area left by the title, axis labels and the legend at 1000x600. */
  private static final int PLOT_WIDTH = 540;
  private static final int PLOT_HEIGHT = 440;

  @Override
  public String name() {
    return "warmup";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    Figure f = build(t);
    return f == null ? null : new Drawing(f.chart, f::overlay);
  }

  /** One implementation's iterations: warm-up first, then measured. */
  record Trace(String implementation, String label, List<Long> warmupNs, List<Long> samplesNs, int processes) {}

  static final class Figure {
    final XYChart chart;
    final List<Trace> traces;
    final double yTop;
    final double yBottom;

    Figure(XYChart chart, List<Trace> traces, double yBottom, double yTop) {
      this.chart = chart;
      this.traces = traces;
      this.yBottom = yBottom;
      this.yTop = yTop;
    }

    /**
     * Where each implementation's warm-up ends: a vertical line in its colour and "measured from
     * here" (text as outlines, like XChart's own). Runners warm up for different counts (a JIT for
     * the work-based rule, CPython for --warmup only), so each gets its own boundary.
     */
    void overlay(Graphics2D g) {
      double top = chart.getScreenYFromChart(yTop);
      double bottom = chart.getScreenYFromChart(yBottom);
      int line = 0;
      for (Trace tr : traces) {
        int w = tr.warmupNs().size();
        if (w == 0) {
          continue;
        }
        Color c = ChartStyle.color(tr.implementation());
        double x = chart.getScreenXFromChart(LogAxis.log(w + 0.5));
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));
        g.draw(new Line2D.Double(x, top, x, bottom));
        String label = "\u2190 " + w + " warm-up | " + tr.implementation() + " measured \u2192";
        java.awt.font.TextLayout layout = new java.awt.font.TextLayout(label, ChartStyle.SMALL_FONT, g.getFontRenderContext());
        double width = layout.getAdvance();
        double right = chart.getScreenXFromChart(chart.getStyler().getXAxisMax());
        // centred on the boundary, kept inside the plot; one row per implementation
        double lx = Math.min(Math.max(x - width / 2, chart.getScreenXFromChart(chart.getStyler().getXAxisMin()) + 4), right - width - 4);
        double ly = top + 16 + 17 * line++;
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(lx - 2, ly - 12, width + 4, 16));
        g.setColor(c.darker());
        g.fill(layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(lx, ly)));
      }
    }
  }

  /** The traces of one workload at the largest size with a usable cell that reports its compilation. */
  static List<Trace> traces(WorkloadTable t) {
    long size = size(t);
    if (size < 0) {
      return List.of();
    }
    List<Trace> out = new ArrayList<>();
    for (String impl : implementations(t, size)) {
      WorkloadTable.Row r = row(t, impl);
      CellResult m = r == null ? null : r.usable(size);
      if (m != null) {
        out.add(firstProcess(impl, m));
      }
    }
    return out;
  }

  /** The iterations of the cell's first process (the others are in results.json). */
  static Trace firstProcess(String impl, CellResult m) {
    org.polybench.harness.store.Invocation first = m.invocations().get(0);
    return new Trace(impl, label(m), first.warmupNs(), first.samplesNs(), m.invocations().size());
  }

  /** The size the traces come from (the largest with a usable cell that reports its compilation), or -1. */
  static long size(WorkloadTable t) {
    long size = -1;
    for (long s : t.sizes()) {
      for (WorkloadTable.Row r : t.rows()) {
        if (r.threads() == 1 && reportsCompilation(r.usable(s))) size = s;
      }
    }
    return size;
  }

  private static WorkloadTable.Row row(WorkloadTable t, String implementation) {
    // single-threaded rows only (dot and normalize run at 1 thread)
    return t.rows().stream().filter(r -> r.implementation().equals(implementation) && r.threads() == 1).findFirst().orElse(null);
  }

  /** "python/graalpy (JIT)  median 40.1 ms", "python/pure (CPython)  median 26.1 ms", "java/scalar (HotSpot) ...". */
  static String label(CellResult m) {
    Map<String, Object> rt = m.runtime() == null ? Map.of() : m.runtime();
    String impl = m.implementation();
    String what;
    if (rt.get("compilation") != null) {
      boolean jit = "jit".equals(rt.get("compilation"));
      what = jit ? "JIT" : "interpreter only";
    } else if (m.language().equals("python")) {
      what = String.valueOf(rt.getOrDefault("name", "CPython"));
    } else if (m.language().equals("java")) {
      what = "HotSpot";
    } else {
      what = null;
    }
    String base = what == null ? impl : impl + " (" + what + ")";
    return base + "  median " + Durations.format(m.medianNs());
  }

  static Figure build(WorkloadTable t) {
    List<Trace> traces = traces(t);
    if (traces.isEmpty()) {
      return null;
    }
    long size = size(t);
    int warmup = traces.stream().mapToInt(tr -> tr.warmupNs().size()).max().orElse(0);
    int processes = traces.stream().mapToInt(Trace::processes).max().orElse(1);
    int total = traces.stream().mapToInt(tr -> tr.warmupNs().size() + tr.samplesNs().size()).max().orElse(1);
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Trace tr : traces) {
      for (List<Long> part : List.of(tr.warmupNs(), tr.samplesNs())) {
        for (long ns : part) {
          double y = LogAxis.log(Math.max(1, ns));
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    // short: XChart centres the title over the plot, which the legend narrows
    XYChart chart = ChartStyle.lines(
        t.workload() + ", " + Numbers.sizePhrase(t.workload(), t.sizeUnit(), Numbers.sizeCompact(size)) + ": time of each iteration",
        "iteration since the process started (log scale)"
                + (processes > 1 ? "; the first of each cell's " + processes + " processes" : ""),
        "time of one kernel call (log scale)",
        total <= MAX_POINTS_WITH_MARKERS ? 7 : 0);
    XYStyler s = chart.getStyler();
    double[] y = LogAxis.withTwoDecades(Math.floor(minY - 0.05), Math.ceil(maxY + 0.05));
    // iterations on a log axis too: CPython's dozen calls and a JIT's hundreds or thousands both show
    double[] x = LogAxis.withTwoDecades(LogAxis.log(0.8), LogAxis.log(total * 1.25));
    double xMin = x[0];
    double xMax = x[1];
    s.setXAxisMin(xMin);
    s.setXAxisMax(xMax);
    s.setYAxisMin(y[0]);
    s.setYAxisMax(y[1]);
    s.setxAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(Numbers::sizeCompact, xMin, xMax));
    s.setXAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(xMin, xMax, PLOT_WIDTH));
    s.setyAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(Durations::formatCompact, y[0], y[1]));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y[0], y[1], PLOT_HEIGHT));
    LogAxis.guardRange(chart, xMin, xMax, y[0], y[1]);

    for (Trace tr : traces) {
      Color c = ChartStyle.color(tr.implementation());
      int w = tr.warmupNs().size();
      // measured: solid, in the legend with the median
      List<Double> mx = new ArrayList<>();
      List<Double> my = new ArrayList<>();
      for (int i = 0; i < tr.samplesNs().size(); i++) {
        mx.add(LogAxis.log(w + i + 1));
        my.add(LogAxis.log(Math.max(1, tr.samplesNs().get(i))));
      }
      XYSeries measured = chart.addSeries(tr.label(), mx, my);
      measured.setLineColor(c);
      measured.setMarkerColor(c);
      measured.setMarker(ChartStyle.marker(tr.implementation()));
      measured.setLineStyle(ChartStyle.LINE);
      if (w > 0) {
        // warm-up: dashed and thinner, joined to the first measured point so the curve reads as one
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        for (int i = 0; i < w; i++) {
          wx.add(LogAxis.log(i + 1));
          wy.add(LogAxis.log(Math.max(1, tr.warmupNs().get(i))));
        }
        if (!mx.isEmpty()) {
          wx.add(mx.get(0));
          wy.add(my.get(0));
        }
        XYSeries warm = chart.addSeries(tr.implementation() + " warm-up", wx, wy);
        warm.setLineColor(c);
        warm.setMarkerColor(c);
        warm.setMarker(total <= MAX_POINTS_WITH_MARKERS ? ChartStyle.marker(tr.implementation()) : SeriesMarkers.NONE);
        warm.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        warm.setShowInLegend(false);
      }
    }
    if (warmup > 0) {
      // one legend entry explains the dashes for every implementation
      XYSeries key = chart.addSeries("dashed: warm-up (not in the statistics)", new double[] {xMin}, new double[] {y[0] - 1});
      key.setMarker(SeriesMarkers.NONE);
      key.setLineColor(WARMUP_KEY);
      key.setLineStyle(SeriesLines.DASH_DASH);
    }
    return new Figure(chart, traces, y[0], y[1]);
  }
}
