package org.polybench.harness.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Log scales drawn by hand: values are plotted as log10 on XChart's linear axis and only whole
 * decades are labelled, with our own units ("10 µs", "1M").
 *
 * <p>Why not XChart's logarithmic axis: in 3.8.8 a custom tick-label function replaces the log
 * tick calculator with a linear one, so the labels ("100 ms, 200 ms, ...") no longer match the
 * log-placed data; without one, labels read "1E-4". Plotting log10 values keeps the geometry
 * exact and the labels ours.
 *
 * <p>Two more XChart behaviours are handled here. When the values on an axis happen to be equally
 * spaced (sizes 1e3, 1e4, ... are, in log10), XChart puts ticks only at the data values and
 * ignores the spacing hint; and a tick layout whose labels are not all distinct (our blank
 * non-decade ticks) is rejected. A hidden series at the corners of the plot range makes the
 * values unequally spaced, so XChart's regular algorithm runs and widens the step until every
 * tick is a labelled decade.
 */
final class LogAxis {
  private LogAxis() {}

  static double log(double v) {
    return Math.log10(v);
  }

  /**
   * Labels whole decades with the formatter and leaves any other tick blank.
   *
   * <p>The axis ends get distinct invisible labels: XChart draws no ticks at all when the labels
   * of the axis minimum and maximum are equal (its "format chops decimals" check).
   */
  static Function<Double, String> decadeLabels(DoubleFunction<String> format, double lo, double hi) {
    return v -> {
      double r = Math.rint(v);
      if (Math.abs(v - r) < 1e-6) {
        return format.apply(Math.pow(10, r));
      }
      if (v == lo) {
        return "\u200B";
      }
      return v == hi ? "\u200B\u200B" : "";
    };
  }

  private static final Color INVISIBLE = new Color(0, 0, 0, 0);

  /** Adds the hidden corner series to an XY chart; call before adding the data series. */
  static void guardRange(XYChart chart, double x0, double x1, double y0, double y1) {
    XYSeries guard = chart.addSeries(" ", new double[] {x0, x1}, new double[] {y0, y1});
    guard.setMarker(SeriesMarkers.NONE);
    guard.setLineStyle(SeriesLines.NONE);
    guard.setLineColor(INVISIBLE);
    guard.setShowInLegend(false);
  }

  /**
   * Adds two hidden series at the y range ends to a category chart (drawn as fully transparent
   * bars in the first category); call before adding the data series.
   */
  static void guardRange(CategoryChart chart, List<String> categories, double y0, double y1) {
    int i = 0;
    for (double y : new double[] {y0, y1}) {
      List<Double> values = new ArrayList<>(Arrays.asList(new Double[categories.size()]));
      values.set(0, y);
      CategorySeries guard = chart.addSeries(" ".repeat(++i), categories, values);
      guard.setFillColor(INVISIBLE);
      guard.setLineColor(INVISIBLE);
      guard.setShowInLegend(false);
    }
  }

  /** Widens [lo, hi] (log10 units) until it holds at least two whole decades to label. */
  static double[] withTwoDecades(double lo, double hi) {
    if (Math.floor(hi) - Math.ceil(lo) >= 1) {
      return new double[] {lo, hi};
    }
    double a = Math.floor(lo);
    double b = Math.max(Math.ceil(hi), a + 1);
    return new double[] {a, b};
  }

  static int decadeSpacingHint(double lowExp, double highExp, int axisPixels) {
    double decades = Math.max(highExp - lowExp, 1e-9);
    return (int) Math.max(28, Math.floor(axisPixels / decades * 0.85));
  }

  /**
   * Log-log axes of sizes against a quantity, for values already in log10: sizes get a fifth of a
   * decade of room so edge markers are not cut, the quantity whole decades; both axes label their
   * decades ({@code xLabel}, {@code yLabel}) with tick hints for a plot of the given pixels.
   */
  static void sizeAxes(XYChart chart, double minX, double maxX, double minY, double maxY,
      DoubleFunction<String> xLabel, DoubleFunction<String> yLabel, int plotWidth, int plotHeight) {
    sizeAxes(chart, true, minX, maxX, minY, maxY, xLabel, yLabel, plotWidth, plotHeight);
  }

  /** Whether this workload's sizes go on a log axis (Workload#logSizeAxis). */
  static boolean logSize(org.polybench.harness.view.WorkloadTable t) {
    return org.polybench.harness.workload.Workloads.find(t.workload()).map(w -> w.logSizeAxis()).orElse(true);
  }

  /** The x value of a size: log10 on a log size axis, the size itself on a linear one. */
  static double sizeX(boolean logSize, long size) {
    return logSize ? log(size) : size;
  }

  /**
   * As above; with {@code logSize} false the sizes are plotted as they are (a depth), half a step of
   * room at each end, every whole size labelled as an integer; the quantity stays on decades.
   */
  static void sizeAxes(XYChart chart, boolean logSize, double minX, double maxX, double minY, double maxY,
      DoubleFunction<String> xLabel, DoubleFunction<String> yLabel, int plotWidth, int plotHeight) {
    if (!logSize) {
      org.knowm.xchart.style.XYStyler s = chart.getStyler();
      double x0 = minX - 0.5;
      double x1 = Math.max(maxX, minX + 1) + 0.5;
      double[] y = withTwoDecades(Math.floor(minY - 0.05), Math.ceil(maxY + 0.05));
      s.setXAxisMin(x0);
      s.setXAxisMax(x1);
      s.setYAxisMin(y[0]);
      s.setYAxisMax(y[1]);
      s.setxAxisTickLabelsFormattingFunction(v -> {
        double r = Math.rint(v);
        if (Math.abs(v - r) < 1e-6) return Long.toString((long) r);
        return v == x0 ? "\u200B" : v == x1 ? "\u200B\u200B" : "";
      });
      s.setyAxisTickLabelsFormattingFunction(decadeLabels(yLabel, y[0], y[1]));
      s.setXAxisTickMarkSpacingHint((int) Math.max(28, Math.floor(plotWidth / (x1 - x0) * 0.85)));
      s.setYAxisTickMarkSpacingHint(decadeSpacingHint(y[0], y[1], plotHeight));
      guardRange(chart, x0, x1, y[0], y[1]);
      return;
    }
    org.knowm.xchart.style.XYStyler s = chart.getStyler();
    double[] x = withTwoDecades(minX - 0.2, maxX + 0.2);
    double[] y = withTwoDecades(Math.floor(minY - 0.05), Math.ceil(maxY + 0.05));
    s.setXAxisMin(x[0]);
    s.setXAxisMax(x[1]);
    s.setYAxisMin(y[0]);
    s.setYAxisMax(y[1]);
    s.setxAxisTickLabelsFormattingFunction(decadeLabels(xLabel, x[0], x[1]));
    s.setyAxisTickLabelsFormattingFunction(decadeLabels(yLabel, y[0], y[1]));
    s.setXAxisTickMarkSpacingHint(decadeSpacingHint(x[0], x[1], plotWidth));
    s.setYAxisTickMarkSpacingHint(decadeSpacingHint(y[0], y[1], plotHeight));
    guardRange(chart, x[0], x[1], y[0], y[1]);
  }
}
