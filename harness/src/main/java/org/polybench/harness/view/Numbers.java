package org.polybench.harness.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formatting of the non-duration numbers of charts and tables: factors, percentages, sizes, bytes. */
public final class Numbers {
  private static final MathContext SIG3 = new MathContext(3, RoundingMode.HALF_UP);

  private Numbers() {}

  /**
   * A slowdown factor vs the fastest: one decimal below 10 ("1.0x", "2.3x"), whole numbers from
   * 10 on ("37x", "412x"); more digits would only show noise.
   */
  public static String factor(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return "n/a";
    }
    return oneDecimalBelowTen(f) + "x";
  }

  /** A relative spread as a percentage: "1.2%", "12%", "<0.1%". */
  public static String percent(double fraction) {
    double p = fraction * 100;
    if (Double.isNaN(p) || Double.isInfinite(p)) {
      return "n/a";
    }
    if (p < 0.05) {
      return "<0.1%";
    }
    return oneDecimalBelowTen(p) + "%";
  }

  /** One decimal below 10 (after rounding), whole numbers from 10 on: "9.9", "10", "412". */
  private static String oneDecimalBelowTen(double v) {
    BigDecimal oneDecimal = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    if (oneDecimal.compareTo(BigDecimal.TEN) < 0) {
      return oneDecimal.toPlainString();
    }
    return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  /** A size with thousands separators: 10,000,000. */
  public static String size(long n) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    return f.format(n);
  }

  /**
   * {@code size} of {@code workload} with its unit, worded by the workload
   * ({@code Workload#sizePhrase}): "1,000,000 elements", "depth 16"; for a workload the harness
   * does not know, the size then {@code unit}.
   */
  public static String sizePhrase(String workload, String unit, String size) {
    return org.polybench.harness.workload.Workloads.find(workload).map(w -> w.sizePhrase(size)).orElse(size + " " + unit);
  }

  /** As {@link #sizePhrase(String, String, String)} with the size written as {@link #size}. */
  public static String sizePhrase(String workload, String unit, long size) {
    return sizePhrase(workload, unit, size(size));
  }

  /** A size for a log axis tick: 1k, 10k, 2.5M, 1G (SI prefixes, trailing zeros dropped). */
  public static String sizeCompact(double n) {
    String[] prefixes = {"", "k", "M", "G", "T"};
    if (n <= 0 || Double.isNaN(n) || Double.isInfinite(n)) {
      return n == 0 ? "0" : "n/a";
    }
    BigDecimal v = new BigDecimal(n).round(SIG3);
    BigDecimal thousand = BigDecimal.valueOf(1000);
    int p = 0;
    while (p < prefixes.length - 1 && v.compareTo(thousand) >= 0) {
      v = v.divide(thousand);
      p++;
    }
    return v.stripTrailingZeros().toPlainString() + prefixes[p];
  }

  /** A value with three significant digits, no exponent: 62.8, 0.00123, 1230. */
  public static String sig3(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return "n/a";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal v = new BigDecimal(x).round(SIG3);
    int scale = Math.max(0, 3 - (v.precision() - v.scale()));
    return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** Bytes in GiB with three significant digits: "62.8 GiB". */
  public static String gib(double bytes) {
    return sig3(bytes / (1024.0 * 1024.0 * 1024.0)) + " GiB";
  }
}
