package org.polybench.harness.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Summary statistics of the measured iterations of one cell, in nanoseconds.
 *
 * <p>The confidence interval of the median is distribution-free (binomial order statistics):
 * timings are skewed and often multi-modal, so a mean +- t*sd interval would mislead.
 * With too few samples to reach 95%, the interval is [min, max] and {@code ciLevel} says how
 * much confidence that range really carries.
 */
public record SampleStats(
    int n,
    long medianNs,
    long minNs,
    long maxNs,
    double meanNs,
    double stddevNs,
    long ciLowNs,
    long ciHighNs,
    double ciLevel) {

  public static SampleStats of(List<Long> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long[] s = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = s.length;
    double mean = Arrays.stream(s).average().orElseThrow();
    double var = 0;
    for (long x : s) {
      var += (x - mean) * (x - mean);
    }
    double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0.0;
    int[] ranks = medianCiRanks(n, 0.95);
    double level = coverage(n, ranks[0], ranks[1]);
    return new SampleStats(n, median(s), s[0], s[n - 1], mean, sd, s[ranks[0]], s[ranks[1]], level);
  }

  /** Median of sorted values; the mean of the two middle ones for even n, rounded down. */
  static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : Math.floorDiv(sorted[n / 2 - 1] + sorted[n / 2], 2);
  }

  /**
   * 0-based ranks (lo, hi) of the narrowest symmetric interval [x(lo), x(hi)] that covers the
   * population median with probability >= level; [0, n-1] when n is too small for that.
   */
  static int[] medianCiRanks(int n, double level) {
    int best = 0;
    double tail = 0; // P(B <= lo) for B ~ Binomial(n, 1/2)
    for (int lo = 0; lo < n / 2; lo++) {
      tail += pmf(n, lo);
      if (1 - 2 * tail >= level) {
        best = lo;
      } else {
        break;
      }
    }
    return new int[] {best, n - 1 - best};
  }

  /**
   * P(x(lo) <= median <= x(hi)) = P(lo+1 <= B <= hi) for B ~ Binomial(n, 1/2), ranks 0-based.
   */
  static double coverage(int n, int lo, int hi) {
    double p = 0;
    for (int k = lo + 1; k <= hi; k++) {
      p += pmf(n, k);
    }
    return p;
  }

  /** P(B = k) for B ~ Binomial(n, 1/2), in log space so n in the thousands does not overflow. */
  private static double pmf(int n, int k) {
    double logC = 0;
    for (int i = 1; i <= k; i++) {
      logC += Math.log(n - k + i) - Math.log(i);
    }
    return Math.exp(logC - n * Math.log(2));
  }
}
