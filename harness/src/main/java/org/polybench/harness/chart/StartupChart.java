package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;

/**
 * Per workload of the startup section, {@code <workload>-process-time.{png,svg}}: one bar per program of
 * its median whole-process time, fastest first, whiskers min..max, and the spawn floor measured in
 * the same run ({@code /bin/true}, every cell's {@code extra.spawn_floor_samples_ns} pooled) drawn
 * twice: as the first, grey bar, and as a dashed line across the plot, so each bar reads against
 * what spawning any process costs here. Milliseconds throughout, on a log axis: the programs span
 * a millisecond (Rust, the floor) to seconds (a GraalPy context).
 */
public final class StartupChart implements Chart {
  static final String FLOOR_LABEL = "/bin/true (spawn floor)";
  static final Color FLOOR_COLOR = new Color(0x9E, 0x9E, 0x9E);
  private static final Color FLOOR_LINE = new Color(0x55, 0x55, 0x55);
  private static final int PLOT_HEIGHT = 400;

  @Override
  public String name() {
    return "process-time";
  }

  /**
   * One bar: label, implementation (null for the floor), median, min and max (ns), and the median of
   * the floor spawned alongside this program's own runs (NaN when it has none), and the 95% interval
   * of median / that floor ({@link org.polybench.harness.stats.Bootstrap}, over processes and their
   * spawns; null when there is no floor).
   */
  record Bar(String label, String implementation, double medianNs, double minNs, double maxNs, double ownFloorNs,
      org.polybench.harness.stats.Bootstrap.Interval overFloor) {
    Bar(String label, String implementation, double medianNs, double minNs, double maxNs, double ownFloorNs) {
      this(label, implementation, medianNs, minNs, maxNs, ownFloorNs, null);
    }

    boolean floor() {
      return implementation == null;
    }
  }

  /** The cell's median over the floor spawned beside it, with its 95% interval; null without floor samples. */
  static org.polybench.harness.stats.Bootstrap.Interval overFloor(CellResult m) {
    List<List<Long>> floors = new ArrayList<>();
    for (Invocation i : m.invocations()) {
      List<Long> one = new ArrayList<>();
      if (i.extra() != null && i.extra().get("spawn_floor_samples_ns") instanceof List<?> xs) {
        for (Object x : xs) if (x instanceof Number n && n.longValue() > 0) one.add(n.longValue());
      }
      if (!one.isEmpty()) floors.add(one);
    }
    if (floors.isEmpty() || m.samplesByInvocation().isEmpty()) return null;
    return org.polybench.harness.stats.Bootstrap.ratioOfMedians(m.samplesByInvocation(), floors);
  }

  /** The /bin/true spawns a cell measured beside its program, over all its processes. */
  static List<Long> floorSamples(CellResult m) {
    List<Long> all = new ArrayList<>();
    for (Invocation i : m.invocations()) {
      Map<String, Object> extra = i.extra();
      if (extra != null && extra.get("spawn_floor_samples_ns") instanceof List<?> xs) {
        for (Object x : xs) if (x instanceof Number n && n.longValue() > 0) all.add(n.longValue());
      }
    }
    return all;
  }

  private static double median(List<Long> xs) {
    long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** The spawn floor of the run: every /bin/true spawn of every usable cell, pooled; null when none. */
  static Bar floor(WorkloadTable t) {
    List<Long> all = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      for (CellResult m : r.cells().values()) {
        if (m.usable()) all.addAll(floorSamples(m));
      }
    }
    if (all.isEmpty()) return null;
    double median = median(all);
    return new Bar(FLOOR_LABEL, null, median, java.util.Collections.min(all), java.util.Collections.max(all), median);
  }

  /** The floor first (when measured), then the programs at the largest usable size, fastest first. */
  static List<Bar> bars(WorkloadTable t) {
    if (t.largestUsableSize().isEmpty()) return List.of();
    long size = t.largestUsableSize().getAsLong();
    List<Bar> bars = new ArrayList<>();
    Bar floor = floor(t);
    if (floor != null) bars.add(floor);
    for (WorkloadTable.Row r : t.rankedAt(size)) {
      CellResult m = r.usable(size);
      double median = m.medianNs();
      bars.add(new Bar(r.label(), r.implementation(), median, m.minNs() != null ? m.minNs() : median,
          m.maxNs() != null ? m.maxNs() : median, median(floorSamples(m)), overFloor(m)));
    }
    return bars;
  }

  /** Milliseconds to three significant digits, with separators: "0.652 ms", "12.3 ms", "2,140 ms". */
  static String ms(double ns) {
    double v = ns / 1e6;
    if (v <= 0) return "0 ms";
    BigDecimal d = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP));
    java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    f.setMaximumFractionDigits(Math.max(0, d.scale()));
    return f.format(d) + " ms";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    List<Bar> bars = bars(t);
    if (bars.stream().noneMatch(b -> !b.floor())) return null;
    Bar floor = bars.get(0).floor() ? bars.get(0) : null;
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(t.workload() + ": wall time of one whole process, spawn to exit")
            .xAxisTitle("program, fastest first" + BarsAtLargestSizeChart.notShown(t, t.largestUsableSize().getAsLong()))
            .yAxisTitle("wall time per process, ms (log scale)")
            .build();
    CategoryStyler s = chart.getStyler();
    ChartStyle.apply(s);
    s.setLegendVisible(false); // the overlay draws a legend inside the plot, clear of its edges
    s.setOverlapped(true);
    s.setAvailableSpaceFill(0.7);
    s.setXAxisLabelRotation(bars.size() > 5 ? 20 : 0);
    List<String> labels = bars.stream().map(Bar::label).toList();
    double lowest = bars.stream().mapToDouble(b -> Math.max(1, Math.min(b.minNs, b.medianNs))).min().orElse(1);
    double highest = bars.stream().mapToDouble(b -> Math.max(b.maxNs, b.medianNs)).max().orElse(1);
    double y0 = Math.floor(LogAxis.log(lowest)) - 1;
    // room above the tallest whisker for its three label lines (time, factor over its floor, the
    // factor's interval) and, above those, the legend box, which spans most bars
    double y1 = LogAxis.log(highest) + 1.5;
    s.setYAxisMin(y0);
    s.setYAxisMax(y1);
    s.setyAxisTickLabelsFormattingFunction(LogAxis.decadeLabels(StartupChart::ms, y0, y1));
    s.setYAxisTickMarkSpacingHint(LogAxis.decadeSpacingHint(y0, y1, PLOT_HEIGHT));
    LogAxis.guardRange(chart, labels, y0, y1);
    for (int i = 0; i < bars.size(); i++) {
      Double[] values = new Double[bars.size()];
      values[i] = LogAxis.log(Math.max(bars.get(i).medianNs, 1));
      CategorySeries series = chart.addSeries(bars.get(i).label, labels, Arrays.asList(values));
      series.setFillColor(bars.get(i).floor() ? FLOOR_COLOR : ChartStyle.color(bars.get(i).implementation));
    }
    return new Drawing(chart, g -> overlay(g, chart, bars, floor, y1));
  }

  private static final BasicStroke DASH =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);

  /** Whiskers, each bar's median and factor over the floor, the floor line, and the legend box. */
  static void overlay(Graphics2D g, CategoryChart chart, List<Bar> bars, Bar floor, double y1) {
    FontMetrics big = g.getFontMetrics(ChartStyle.LABEL_FONT);
    FontMetrics small = g.getFontMetrics(ChartStyle.SMALL_FONT);
    double left = chart.getScreenXFromChart(0);
    double right = chart.getScreenXFromChart(bars.size());
    double top = chart.getScreenYFromChart(y1);
    if (floor != null) {
      double y = chart.getScreenYFromChart(LogAxis.log(Math.max(floor.medianNs, 1)));
      g.setColor(FLOOR_LINE);
      g.setStroke(DASH);
      g.draw(new Line2D.Double(left, y, right, y));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = chart.getScreenXFromChart(i + 0.5);
      double yMin = chart.getScreenYFromChart(LogAxis.log(Math.max(b.minNs, 1)));
      double yMax = chart.getScreenYFromChart(LogAxis.log(Math.max(b.maxNs, 1)));
      g.setColor(ChartStyle.TEXT);
      g.setStroke(new BasicStroke(1.6f));
      g.draw(new Line2D.Double(x, yMin, x, yMax));
      g.draw(new Line2D.Double(x - 9, yMin, x + 9, yMin));
      g.draw(new Line2D.Double(x - 9, yMax, x + 9, yMax));
      double above = Math.min(yMax, chart.getScreenYFromChart(LogAxis.log(Math.max(b.medianNs, 1)))) - 6;
      // against the floor spawned beside this program's own runs (the machine's load of that moment)
      String second = b.floor() ? "the floor" : Double.isNaN(b.ownFloorNs) ? null
          : (b.overFloor == null ? Numbers.factor(b.medianNs / b.ownFloorNs) : org.polybench.harness.view.Ratios.ratio(b.overFloor.estimate())) + " its floor";
      // the interval on a line of its own: beside the factor, neighbouring bars' labels overlapped
      String interval = b.floor() || Double.isNaN(b.ownFloorNs) || b.overFloor == null ? null
          : org.polybench.harness.view.Ratios.interval(b.overFloor);
      if (interval != null) {
        ChartFiles.drawCentered(g, interval, ChartStyle.SMALL_FONT, x, above - small.getDescent());
        above -= small.getHeight() + 1;
      }
      if (second != null) {
        ChartFiles.drawCentered(g, second, ChartStyle.SMALL_FONT, x, above - small.getDescent());
        above -= small.getHeight() + 1;
      }
      ChartFiles.drawCentered(g, ms(b.medianNs), ChartStyle.LABEL_FONT, x, above - big.getDescent());
    }
    legend(g, left + 14, top + 14, floor, small);
  }

  /** A boxed legend in the plot's top-left corner, inset from its edges. */
  private static void legend(Graphics2D g, double x, double y, Bar floor, FontMetrics fm) {
    List<String> lines = new ArrayList<>();
    lines.add("bar: median of a program's runs; whiskers: its fastest..slowest run");
    if (floor != null) {
      lines.add("spawn floor: /bin/true, spawned after every run (same run), median " + ms(floor.medianNs));
    }
    double swatch = 30;
    double pad = 8;
    double width = 0;
    for (String l : lines) width = Math.max(width, fm.stringWidth(l));
    double rowH = fm.getHeight() + 4;
    Rectangle2D box = new Rectangle2D.Double(x, y, pad + swatch + 8 + width + pad, pad * 2 + rowH * lines.size() - 4);
    g.setColor(Color.WHITE);
    g.fill(box);
    g.setColor(new Color(0xBB, 0xBB, 0xBB));
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
    for (int i = 0; i < lines.size(); i++) {
      double mid = y + pad + rowH * i + fm.getHeight() / 2.0;
      double sx = x + pad;
      if (i == 0) {
        g.setColor(FLOOR_COLOR);
        g.fill(new Rectangle2D.Double(sx + 8, mid - 3, 14, 10));
        g.setColor(ChartStyle.TEXT);
        g.draw(new Line2D.Double(sx + 15, mid - 8, sx + 15, mid + 2));
        g.draw(new Line2D.Double(sx + 11, mid - 8, sx + 19, mid - 8));
      } else {
        g.setColor(FLOOR_LINE);
        g.setStroke(DASH);
        g.draw(new Line2D.Double(sx, mid, sx + swatch, mid));
        g.setStroke(new BasicStroke(1f));
      }
      g.setColor(ChartStyle.TEXT);
      java.awt.font.TextLayout layout = new java.awt.font.TextLayout(lines.get(i), ChartStyle.SMALL_FONT, g.getFontRenderContext());
      g.fill(layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(sx + swatch + 8, mid + fm.getAscent() / 2.0 - 2)));
    }
  }
}
