package org.polybench.harness.claims;

import java.util.List;
import org.polybench.harness.view.Numbers;

/**
 * Where a ratio against size crosses a threshold (the FFI crossover: python/pure /
 * python/rust-ext passes 1x where the extension starts to win). The sizes are interpolated on
 * log-log axes between the measured sizes either side; {@code low..high} is where the 95%
 * intervals' bounds cross it (the upper bound crosses first, the lower one last), so it widens
 * with the intervals and with the gap between measured sizes.
 *
 * @param curve the ratio at every measured size, ascending
 * @param size the interpolated crossing of the point estimates, or null when it does not cross
 * @param low, high the crossings of the interval bounds; null when unbounded within the sizes run
 * @param note why a value is missing: "already above at n = 1", "not reached by n = 1,000,000"
 */
public record Crossing(
    String workload, String numerator, String denominator, double threshold, List<Estimate> curve, Double size,
    Double low, Double high, String note) {

  public String text() {
    String k = times(threshold);
    if (size == null) return k + ": " + note;
    return k + " at n ≈ " + Numbers.sizeCompact(size) + " [" + (low == null ? "below " + Numbers.sizeCompact(curve.get(0).size()) : Numbers.sizeCompact(low))
        + ", " + (high == null ? "above " + Numbers.sizeCompact(curve.get(curve.size() - 1).size()) : Numbers.sizeCompact(high)) + "]";
  }

  /** "1x", "10x", "2.5x". */
  static String times(double k) {
    return java.math.BigDecimal.valueOf(k).stripTrailingZeros().toPlainString() + "x";
  }

  /**
   * The first crossing of {@code threshold} by the values, on log axes: sizes and values must be
   * positive and the same length. Null when the values never change side.
   */
  static Double firstCrossing(List<Long> sizes, double[] values, double threshold) {
    for (int i = 0; i + 1 < sizes.size(); i++) {
      double a = values[i] - threshold;
      double b = values[i + 1] - threshold;
      if (a == 0) return (double) sizes.get(i);
      if (Math.signum(a) != Math.signum(b)) {
        double x0 = Math.log(sizes.get(i));
        double x1 = Math.log(sizes.get(i + 1));
        double y0 = Math.log(values[i]);
        double y1 = Math.log(values[i + 1]);
        double t = (Math.log(threshold) - y0) / (y1 - y0);
        return Math.exp(x0 + t * (x1 - x0));
      }
    }
    if (!sizes.isEmpty() && values[values.length - 1] == threshold) return (double) sizes.get(sizes.size() - 1);
    return null;
  }
}
