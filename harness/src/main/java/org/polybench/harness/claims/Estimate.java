package org.polybench.harness.claims;

import java.util.List;
import org.polybench.harness.stats.Bootstrap;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;

/**
 * One number a claim rests on: a ratio (or a speedup, or a median) from named cells, with its 95%
 * interval from {@link Bootstrap} (hierarchical over the invocations), and where the interval lies
 * against the claim's range.
 *
 * @param label e.g. "dot n=1,000,000: python/pure / rust/optimized"
 * @param cells the cells it was computed from (numerator first)
 * @param interval null when the metric has no interval yet (RSS figures, tail spreads)
 * @param unit "x" for a ratio, "ns" for a time
 */
public record Estimate(
    String workload, long size, int threads, String label, List<CellResult> cells, double point,
    Bootstrap.Interval interval, String unit, Position position) {

  /** Where an interval lies against a range. */
  public enum Position {
    INSIDE, OUTSIDE, STRADDLES, NO_INTERVAL, NO_RANGE
  }

  public double low() {
    return interval == null ? Double.NaN : interval.low();
  }

  public double high() {
    return interval == null ? Double.NaN : interval.high();
  }

  /** "37.2x [35.1x, 39.8x]", "4.1 ms [3.9 ms, 4.3 ms]"; no brackets without an interval. */
  public String text() {
    String p = format(point, unit);
    return interval == null ? p + " (no interval)" : p + " [" + format(low(), unit) + ", " + format(high(), unit) + "]";
  }

  public static String format(double v, String unit) {
    if (Double.isNaN(v)) return "n/a";
    return "ns".equals(unit) ? Durations.format(Math.round(v)) : Numbers.sig3(v) + "x";
  }

  /** The position of [low, high] against [range.low, range.high). */
  static Position position(Bootstrap.Interval in, ClaimSpec.Range range) {
    if (range == null) return Position.NO_RANGE;
    if (in == null) return Position.NO_INTERVAL;
    boolean inside = (range.low() == null || in.low() >= range.low()) && (range.high() == null || in.high() < range.high());
    if (inside) return Position.INSIDE;
    boolean below = range.low() != null && in.high() < range.low();
    boolean above = range.high() != null && in.low() >= range.high();
    return below || above ? Position.OUTSIDE : Position.STRADDLES;
  }

  /** How far the interval is from the nearest boundary, in log units (larger is clearer). */
  double margin(ClaimSpec.Range range) {
    if (interval == null || range == null) return Double.NEGATIVE_INFINITY;
    double lo = interval.low();
    double hi = interval.high();
    return switch (position) {
      case INSIDE -> Math.min(range.low() == null ? Double.POSITIVE_INFINITY : Math.log(lo / range.low()),
          range.high() == null ? Double.POSITIVE_INFINITY : Math.log(range.high() / hi));
      case OUTSIDE -> range.low() != null && hi < range.low() ? Math.log(range.low() / hi) : Math.log(lo / range.high());
      default -> Double.NEGATIVE_INFINITY;
    };
  }
}
