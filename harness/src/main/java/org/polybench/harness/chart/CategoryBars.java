package org.polybench.harness.chart;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * What the one-bar-per-implementation charts (bars, throughput, bytes per element) share: the
 * chart and its styler, one series per bar so that each bar has its implementation's colour, and
 * the whiskers and labels painted over it with XChart's own data-to-screen transform.
 */
final class CategoryBars {
  private CategoryBars() {}

  /** A styled category chart whose x axis names every bar (no legend); bars drawn at full width. */
  static CategoryChart chart(String title, String xAxisTitle, String yAxisTitle, int bars) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(title)
            .xAxisTitle(xAxisTitle)
            .yAxisTitle(yAxisTitle)
            .build();
    CategoryStyler s = chart.getStyler();
    ChartStyle.apply(s);
    s.setLegendVisible(false); // the x axis names every bar; colours match the other charts
    s.setOverlapped(true); // one series per bar (for its colour), each drawn at full width
    s.setAvailableSpaceFill(0.7);
    s.setXAxisLabelRotation(bars > 5 ? 20 : 0);
    return chart;
  }

  /** Bar i gets value i in its own series, coloured for implementation i. */
  static void addBars(CategoryChart chart, List<String> labels, List<String> implementations, List<Double> values) {
    for (int i = 0; i < labels.size(); i++) {
      Double[] column = new Double[labels.size()];
      column[i] = values.get(i);
      CategorySeries series = chart.addSeries(labels.get(i), labels, Arrays.asList(column));
      series.setFillColor(ChartStyle.color(implementations.get(i)));
    }
  }

  /** The screen x of bar i's centre: XChart places category i over [i, i+1] in data units. */
  static double x(CategoryChart chart, int i) {
    return chart.getScreenXFromChart(i + 0.5);
  }

  /** A capped vertical whisker at screen x from screen y {@code a} to {@code b}. */
  static void whisker(Graphics2D g, double x, double a, double b) {
    g.setColor(ChartStyle.TEXT);
    g.setStroke(new BasicStroke(1.6f));
    g.draw(new Line2D.Double(x, a, x, b));
    double cap = 9;
    g.draw(new Line2D.Double(x - cap, a, x + cap, a));
    g.draw(new Line2D.Double(x - cap, b, x + cap, b));
  }

  /**
   * Three labels stacked above screen y {@code top}: {@code upper} in the label font, then {@code
   * middle} and {@code lower} small (a factor, its interval, the median: one line "146x [139x,
   * 152x]" would be wider than a bar when there are many); {@link #twoLabels} when middle is null.
   */
  static void threeLabels(Graphics2D g, double x, double top, String upper, String middle, String lower) {
    if (middle == null) {
      twoLabels(g, x, top, upper, lower);
      return;
    }
    FontMetrics small = g.getFontMetrics(ChartStyle.SMALL_FONT);
    twoLabels(g, x, top - small.getHeight(), upper, middle);
    ChartFiles.drawCentered(g, lower, ChartStyle.SMALL_FONT, x, top - small.getDescent());
  }

  /** Two labels stacked above screen y {@code top}: {@code upper} in the label font, {@code lower} small. */
  static void twoLabels(Graphics2D g, double x, double top, String upper, String lower) {
    FontMetrics big = g.getFontMetrics(ChartStyle.LABEL_FONT);
    FontMetrics small = g.getFontMetrics(ChartStyle.SMALL_FONT);
    g.setColor(ChartStyle.TEXT);
    ChartFiles.drawCentered(g, lower, ChartStyle.SMALL_FONT, x, top - small.getDescent());
    ChartFiles.drawCentered(g, upper, ChartStyle.LABEL_FONT, x, top - small.getHeight() - 1 - big.getDescent());
  }
}
