package org.polybench.harness.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way durations are written, in tables, the console and chart axes, so the same number
 * looks the same everywhere: three significant digits in the largest unit that keeps the value at
 * least 1 ({@code 123 ns}, {@code 4.56 µs}, {@code 7.89 ms}, {@code 1.23 s}).
 */
public final class Durations {
  private static final String[] UNITS = {"ns", "µs", "ms", "s"};
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final MathContext SIG3 = new MathContext(3, RoundingMode.HALF_UP);

  private Durations() {}

  /** Three significant digits with a unit: 123 ns, 4.56 µs, 7.89 ms, 1.23 s, 1230 s. */
  public static String format(double ns) {
    return render(ns, false);
  }

  /**
   * For axis ticks: the same unit choice as {@link #format} with trailing zeros dropped, so round
   * tick values read 1 µs, 10 ms, 2.5 s.
   */
  public static String formatCompact(double ns) {
    return render(ns, true);
  }

  private static String render(double ns, boolean compact) {
    if (Double.isNaN(ns) || Double.isInfinite(ns)) {
      return "n/a";
    }
    if (ns == 0) {
      return "0 ns";
    }
    String sign = ns < 0 ? "-" : "";
    // round first, then pick the unit, so 999.6 µs becomes 1.00 ms and not 1000 µs
    BigDecimal v = new BigDecimal(Math.abs(ns)).round(SIG3);
    int unit = 0;
    while (unit < UNITS.length - 1 && v.compareTo(THOUSAND) >= 0) {
      v = v.divide(THOUSAND);
      unit++;
    }
    String digits;
    if (compact) {
      digits = v.stripTrailingZeros().toPlainString();
    } else {
      // scale that shows exactly three significant digits (never negative: 1230 s stays integer)
      int scale = Math.max(0, 3 - (v.precision() - v.scale()));
      digits = v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
    return sign + digits + " " + UNITS[unit];
  }
}
