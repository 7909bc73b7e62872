package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.RunInfo;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleDown;
import org.knowm.xchart.style.markers.TriangleUp;

/**
 * The look shared by every chart: size, fonts, and one colour and marker per implementation, made
 * by a fixed rule from its name, so an implementation looks the same in every chart of every run.
 * Colours come in language families: Python blues and greens, Rust oranges and reds, Java purples.
 */
public final class ChartStyle {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 600;
  /** Height of the strip under the chart that carries the footer line. */
  public static final int FOOTER_HEIGHT = 30;

  public static final String FONT_FAMILY = Font.SANS_SERIF;
  public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 19);
  public static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
  public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
  public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
  public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.BOLD, 14);
  public static final Font SMALL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
  public static final Font FOOTER_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  public static final Color FOOTER_TEXT = new Color(0x55, 0x55, 0x55);
  public static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  /**
   * Each language a family of shades (Python blues and greens, Rust oranges and reds, Java
   * purples); other languages greys and browns.
   */
  private static final Map<String, List<Color>> FAMILY =
      Map.of(
          "python", List.of(new Color(0x1F4E9C), new Color(0x4BA3E3), new Color(0x1E8C4E), new Color(0x74C476),
              new Color(0x0E9C9C), new Color(0x17BECF)),
          "rust", List.of(new Color(0xF28E2B), new Color(0xC62828), new Color(0xA63603), new Color(0xFD8D3C),
              new Color(0xE6550D), new Color(0x8C2D04)),
          "java", List.of(new Color(0xA47FD8), new Color(0x5E2B97), new Color(0x807DBA), new Color(0x3F007D),
              new Color(0x9E9AC8), new Color(0x6A51A3)));

  private static final List<Color> OTHER =
      List.of(new Color(0x636363), new Color(0x8C6D31), new Color(0x969696), new Color(0x393B79),
          new Color(0x525252), new Color(0xBD9E39));

  private static final List<Supplier<Marker>> MARKERS =
      List.of(Circle::new, Square::new, Diamond::new, TriangleUp::new, TriangleDown::new);

  private ChartStyle() {}

  /** Per language, its implementations in catalogue order: set for the run being drawn. */
  private static final ThreadLocal<Map<String, Integer>> RANKS = ThreadLocal.withInitial(Map::of);

  /**
   * Draws with {@code run}'s looks: each implementation's rank among its language's, in the order
   * of the catalogue the run recorded (the runners' table order), then any others by name. Rank n
   * gets shade n mod 6 and marker n mod 5, so the first 30 variants of a language all differ, and
   * a new variant gets its look with no edit here.
   */
  static <T> T withLooksOf(RunRecord run, java.util.concurrent.Callable<T> draw) throws Exception {
    List<String> ids = new java.util.ArrayList<>(RunInfo.kinds(run).keySet());
    run.measurements().stream().map(m -> m.implementation()).distinct().sorted()
        .filter(id -> !ids.contains(id)).forEach(ids::add);
    Map<String, Integer> ranks = new java.util.HashMap<>();
    Map<String, Integer> perLanguage = new java.util.HashMap<>();
    for (String id : ids) ranks.put(id, perLanguage.merge(language(id), 1, Integer::sum) - 1);
    Map<String, Integer> before = RANKS.get();
    RANKS.set(ranks);
    try {
      return draw.call();
    } finally {
      RANKS.set(before);
    }
  }

  /** The colour of an implementation ("language/variant"): its language's family, its rank's shade. */
  public static Color color(String implementation) {
    List<Color> family = FAMILY.getOrDefault(language(implementation), OTHER);
    return family.get(rank(implementation) % family.size());
  }

  /** The marker of an implementation, by its rank. */
  public static Marker marker(String implementation) {
    return MARKERS.get(rank(implementation) % MARKERS.size()).get();
  }

  private static int rank(String implementation) {
    Integer r = RANKS.get().get(implementation);
    if (r != null) return r;
    // drawn outside a run's looks (a test drawing one chart): a fixed hash of the name
    CRC32 crc = new CRC32();
    crc.update(implementation.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 30);
  }

  private static String language(String implementation) {
    int slash = implementation.indexOf('/');
    return slash < 0 ? "" : implementation.substring(0, slash);
  }

  /** Dashes for the n-th thread count of one implementation (solid for the first). */
  public static BasicStroke stroke(int threadRank) {
    if (threadRank == 0) {
      return LINE;
    }
    float[][] dashes = {{10f, 6f}, {3f, 5f}, {12f, 4f, 3f, 4f}};
    return new BasicStroke(
        2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes[(threadRank - 1) % dashes.length], 0f);
  }

  /**
   * A line chart in the house style: {@link #WIDTH} x {@link #HEIGHT}, {@link #apply}, markers of
   * {@code markerSize} pixels (0: none) and legend lines long enough to show a dash pattern.
   */
  public static org.knowm.xchart.XYChart lines(String title, String xAxisTitle, String yAxisTitle, int markerSize) {
    org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder()
        .width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
    apply(chart.getStyler());
    chart.getStyler().setMarkerSize(markerSize);
    chart.getStyler().setLegendSeriesLineLength(28);
    return chart;
  }

  /** White background, legible fonts, light grid, legend outside the plot. */
  public static void apply(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(new Color(0x99, 0x99, 0x99));
    s.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
    s.setChartFontColor(TEXT);
    s.setChartTitleFont(TITLE_FONT);
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(10);
    s.setAxisTitleFont(AXIS_TITLE_FONT);
    s.setAxisTickLabelsFont(TICK_FONT);
    s.setAxisTickLabelsColor(TEXT);
    s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
    s.setAxisTickPadding(6);
    s.setLegendFont(LEGEND_FONT);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(new Color(0xBB, 0xBB, 0xBB));
    s.setLegendBackgroundColor(Color.WHITE);
    s.setChartPadding(12);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
  }
}
