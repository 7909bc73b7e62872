package org.polybench.harness.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals for ratios of medians, the one resampling machinery of the
 * harness (factors, claims, run comparisons, crosscheck against the referees).
 *
 * <p>The resampling is hierarchical, because timings drift between processes more than within
 * one: each side is a list of groups (one group per fresh process, i.e. per invocation); a
 * resample first draws the groups with replacement, then the samples within each drawn group
 * with replacement, and takes the median of the pooled draw. With one group per side this is the
 * ordinary percentile bootstrap of the samples. The interval is the percentile interval of the
 * resampled ratios. Seeded, so the same inputs always give the same interval.
 */
public final class Bootstrap {
  /** Resamples drawn when the caller does not say. */
  public static final int DEFAULT_RESAMPLES = 2000;

  /** The seed used when the caller does not say: results must be reproducible. */
  public static final long DEFAULT_SEED = 0x5EED_BEEFL;

  private Bootstrap() {}

  /** A point estimate with its percentile interval at {@code level}. */
  public record Interval(double estimate, double low, double high, double level, int resamples) {
    /** True when the whole interval lies above {@code x}. */
    public boolean above(double x) {
      return low > x;
    }

    /** True when the whole interval lies below {@code x}. */
    public boolean below(double x) {
      return high < x;
    }

    /** True when {@code x} lies inside the interval (bounds included). */
    public boolean contains(double x) {
      return low <= x && x <= high;
    }
  }

  /**
   * The ratio median(numerator) / median(denominator) with its 95% interval; each side is a list of
   * invocations, each a list of samples.
   */
  public static Interval ratioOfMedians(List<List<Long>> numerator, List<List<Long>> denominator) {
    return ratioOfMedians(numerator, denominator, 0.95, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  public static Interval ratioOfMedians(
      List<List<Long>> numerator, List<List<Long>> denominator, double level, int resamples, long seed) {
    long[][] num = groups(numerator, "numerator");
    long[][] den = groups(denominator, "denominator");
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1): " + level);
    if (resamples < 100) throw new IllegalArgumentException("at least 100 resamples, got " + resamples);
    double estimate = median(pool(num)) / median(pool(den));
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] ratios = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      ratios[r] = resampledMedian(num, rnd) / resampledMedian(den, rnd);
    }
    Arrays.sort(ratios);
    double alpha = (1 - level) / 2;
    return new Interval(estimate, quantile(ratios, alpha), quantile(ratios, 1 - alpha), level, resamples);
  }

  /**
   * The same ratio for a paired (blocked) experiment: {@code numerator.get(b)} and {@code
   * denominator.get(b)} were measured in one block, back to back (a crosscheck round: one harness
   * process and one referee run), so a slow period of the machine falls on both. A resample draws
   * the blocks with replacement, the same blocks for both sides, then inside each drawn block its
   * groups (processes) with replacement and the samples inside each group. A difference between
   * processes that both sides of a block share (the machine drifting from one round to the next)
   * then cancels in the ratio; one that only one side has (a process that settled slower) still
   * widens the interval. The estimate is the same as {@link #ratioOfMedians}'s: the ratio of the
   * pooled medians.
   */
  public static Interval pairedRatioOfMedians(List<List<List<Long>>> numerator, List<List<List<Long>>> denominator) {
    return pairedRatioOfMedians(numerator, denominator, 0.95, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  public static Interval pairedRatioOfMedians(
      List<List<List<Long>>> numerator, List<List<List<Long>>> denominator, double level, int resamples, long seed) {
    if (numerator == null || denominator == null || numerator.size() != denominator.size()) {
      throw new IllegalArgumentException("a paired ratio needs the same blocks on both sides, got "
          + (numerator == null ? 0 : numerator.size()) + " and " + (denominator == null ? 0 : denominator.size()));
    }
    long[][][] num = numerator.stream().map(b -> groups(b, "numerator")).toArray(long[][][]::new);
    long[][][] den = denominator.stream().map(b -> groups(b, "denominator")).toArray(long[][][]::new);
    if (num.length == 0) throw new IllegalArgumentException("no samples in the numerator");
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1): " + level);
    if (resamples < 100) throw new IllegalArgumentException("at least 100 resamples, got " + resamples);
    double estimate = median(pool(Arrays.stream(num).flatMap(Arrays::stream).toArray(long[][]::new)))
        / median(pool(Arrays.stream(den).flatMap(Arrays::stream).toArray(long[][]::new)));
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] ratios = new double[resamples];
    int[] blocks = new int[num.length];
    for (int r = 0; r < resamples; r++) {
      for (int b = 0; b < blocks.length; b++) blocks[b] = rnd.nextInt(blocks.length);
      ratios[r] = resampledMedian(num, blocks, rnd) / resampledMedian(den, blocks, rnd);
    }
    Arrays.sort(ratios);
    double alpha = (1 - level) / 2;
    return new Interval(estimate, quantile(ratios, alpha), quantile(ratios, 1 - alpha), level, resamples);
  }

  /** The median of one resample: each block in {@code drawnBlocks}, its groups and their samples drawn again. */
  private static double resampledMedian(long[][][] blocks, int[] drawnBlocks, SplittableRandom rnd) {
    int capacity = 0;
    for (int b : drawnBlocks) {
      for (long[] g : blocks[b]) capacity = Math.max(capacity, g.length);
    }
    capacity *= Arrays.stream(drawnBlocks).map(b -> blocks[b].length).sum();
    long[] pooled = new long[capacity];
    int k = 0;
    for (int b : drawnBlocks) {
      long[][] groups = blocks[b];
      for (int i = 0; i < groups.length; i++) {
        long[] g = groups[rnd.nextInt(groups.length)];
        for (int j = 0; j < g.length; j++) pooled[k++] = g[rnd.nextInt(g.length)];
      }
    }
    return median(Arrays.copyOf(pooled, k));
  }

  private static long[][] groups(List<List<Long>> in, String side) {
    if (in == null || in.isEmpty()) throw new IllegalArgumentException("no samples in the " + side);
    long[][] out = new long[in.size()][];
    for (int i = 0; i < out.length; i++) {
      List<Long> g = in.get(i);
      if (g == null || g.isEmpty()) throw new IllegalArgumentException("an empty invocation in the " + side);
      out[i] = g.stream().mapToLong(Long::longValue).toArray();
    }
    return out;
  }

  private static long[] pool(long[][] groups) {
    return Arrays.stream(groups).flatMapToLong(Arrays::stream).toArray();
  }

  private static double resampledMedian(long[][] groups, SplittableRandom rnd) {
    int total = 0;
    long[][] drawn = new long[groups.length][];
    for (int i = 0; i < groups.length; i++) {
      drawn[i] = groups[rnd.nextInt(groups.length)];
      total += drawn[i].length;
    }
    long[] pooled = new long[total];
    int k = 0;
    for (long[] g : drawn) {
      for (int j = 0; j < g.length; j++) pooled[k++] = g[rnd.nextInt(g.length)];
    }
    return median(pooled);
  }

  /** The median of the values (the mean of the two middle ones for an even count). */
  static double median(long[] values) {
    long[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + (double) s[n / 2]) / 2;
  }

  /** Linear interpolation between order statistics (type 7, as R and NumPy default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
