package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
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
 * The look shared by every chart: size, fonts, and one fixed colour and marker per implementation
 * so an implementation looks the same in every chart of every run. Colours come in language
 * families: Python blues and greens, Rust oranges and reds, Java purples.
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

  private static final Map<String, Color> COLORS =
      Map.ofEntries(
          Map.entry("python/pure", new Color(0x1F4E9C)),
          Map.entry("python/numpy", new Color(0x4BA3E3)),
          Map.entry("python/graalpy", new Color(0x0E9C9C)),
          Map.entry("python/rust-ext", new Color(0x1E8C4E)),
          Map.entry("python/rust-ext-numpy", new Color(0x74C476)),
          Map.entry("rust/naive", new Color(0xF28E2B)),
          Map.entry("rust/optimized", new Color(0xC62828)),
          Map.entry("java/scalar", new Color(0xA47FD8)),
          Map.entry("java/vector", new Color(0x5E2B97)),
          // parallel: the same families, distinct within the workload's charts
          Map.entry("python/threads", new Color(0x1F4E9C)),
          Map.entry("python/processes", new Color(0x17BECF)),
          Map.entry("python/rust-ext-threads", new Color(0x1E8C4E)),
          Map.entry("python/numpy-threads", new Color(0x4BA3E3)),
          Map.entry("rust/threads", new Color(0xF28E2B)),
          Map.entry("rust/rayon", new Color(0xC62828)),
          Map.entry("java/threads", new Color(0xA47FD8)),
          Map.entry("java/parallel-streams", new Color(0x5E2B97)));

  /** For implementations added later: still in their language's family, picked by id. */
  private static final Map<String, List<Color>> FAMILY =
      Map.of(
          "python", List.of(new Color(0x2C7FB8), new Color(0x41AE76), new Color(0x0868AC), new Color(0x238B45)),
          "rust", List.of(new Color(0xE6550D), new Color(0xA63603), new Color(0xFD8D3C), new Color(0xDE2D26)),
          "java", List.of(new Color(0x807DBA), new Color(0x54278F), new Color(0x9E9AC8), new Color(0x6A51A3)));

  private static final List<Color> OTHER =
      List.of(new Color(0x636363), new Color(0x8C6D31), new Color(0x969696), new Color(0x393B79));

  private static final Map<String, Marker> MARKERS =
      Map.ofEntries(
          Map.entry("python/pure", new Circle()),
          Map.entry("python/numpy", new TriangleUp()),
          Map.entry("python/graalpy", new TriangleDown()),
          Map.entry("python/rust-ext", new Diamond()),
          Map.entry("python/rust-ext-numpy", new Square()),
          Map.entry("rust/naive", new Circle()),
          Map.entry("rust/optimized", new Square()),
          Map.entry("java/scalar", new Diamond()),
          Map.entry("java/vector", new TriangleDown()),
          Map.entry("python/threads", new Circle()),
          Map.entry("python/processes", new TriangleDown()),
          Map.entry("python/rust-ext-threads", new Diamond()),
          Map.entry("python/numpy-threads", new TriangleUp()),
          Map.entry("rust/threads", new Circle()),
          Map.entry("rust/rayon", new Square()),
          Map.entry("java/threads", new Diamond()),
          Map.entry("java/parallel-streams", new TriangleDown()));

  private ChartStyle() {}

  /** The colour of an implementation ("language/variant"), the same in every chart. */
  public static Color color(String implementation) {
    Color c = COLORS.get(implementation);
    if (c != null) {
      return c;
    }
    String language = implementation.contains("/") ? implementation.substring(0, implementation.indexOf('/')) : "";
    List<Color> family = FAMILY.getOrDefault(language, OTHER);
    return family.get(Math.floorMod(implementation.hashCode(), family.size()));
  }

  public static Marker marker(String implementation) {
    return MARKERS.getOrDefault(implementation, new Circle());
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
