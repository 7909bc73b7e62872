package org.polybench.harness.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Change points by E-Divisive means (Matteson and James, "A Nonparametric Approach for Multiple
 * Change Point Analysis of Multivariate Data", JASA 2014), as MongoDB runs it on its performance
 * history (Daly et al., "Change Point Detection in Software Performance Testing", ICPE 2020): the
 * energy statistic with alpha = 1, the best split of each segment, a permutation test of the best
 * one, repeated while significant.
 *
 * <p>For a segment split into X (m values) and Y (k values):
 * E = 2/(mk) sum|X_i - Y_j| - 1/C(m,2) sum_{i<l}|X_i - X_l| - 1/C(k,2) sum_{j<l}|Y_j - Y_l|, and
 * Q = mk/(m+k) E. The split with the largest Q over all segments is tested by shuffling its
 * segment {@code permutations} times: p = (1 + #(max Q of a shuffle >= Q)) / (1 + permutations).
 * Seeded: the same series gives the same answer.
 */
public final class EDivisive {
  /** One change: the series changes from {@code index} on (the first value of the new level). */
  public record ChangePoint(int index, double q, double pValue) {
    /** 1 - p. */
    public double confidence() {
      return 1 - pValue;
    }
  }

  private final double alpha;
  private final int permutations;
  private final int minSize;
  private final long seed;

  /**
   * @param alpha the significance level of the permutation test (MongoDB: 0.05)
   * @param permutations shuffles per test (at least 19, so p can fall below 0.05)
   * @param minSize the fewest values on each side of a change (at least 2: the statistic needs pairs)
   */
  public EDivisive(double alpha, int permutations, int minSize, long seed) {
    if (minSize < 2) throw new IllegalArgumentException("minSize must be at least 2");
    if (permutations < 19) throw new IllegalArgumentException("at least 19 permutations");
    this.alpha = alpha;
    this.permutations = permutations;
    this.minSize = minSize;
    this.seed = seed;
  }

  public static EDivisive defaults() {
    return new EDivisive(0.05, 199, 3, 0xED1715L);
  }

  public List<ChangePoint> detect(double[] series) {
    SplittableRandom rnd = new SplittableRandom(seed);
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, series.length));
    List<ChangePoint> found = new ArrayList<>();
    while (true) {
      int bestAt = -1;
      double bestQ = Double.NEGATIVE_INFINITY;
      int segA = 0, segB = 0;
      Integer prev = null;
      for (int c : cuts) {
        if (prev != null) {
          double[] best = bestSplit(series, prev, c);
          if (best != null && best[1] > bestQ) {
            bestQ = best[1];
            bestAt = (int) best[0];
            segA = prev;
            segB = c;
          }
        }
        prev = c;
      }
      if (bestAt < 0) break;
      double[] segment = Arrays.copyOfRange(series, segA, segB);
      int atLeast = 0;
      for (int i = 0; i < permutations; i++) {
        shuffle(segment, rnd);
        double[] b = bestSplit(segment, 0, segment.length);
        if (b != null && b[1] >= bestQ) atLeast++;
      }
      double p = (1.0 + atLeast) / (1.0 + permutations);
      if (p > alpha) break;
      cuts.add(bestAt);
      found.add(new ChangePoint(bestAt, bestQ, p));
    }
    found.sort((x, y) -> Integer.compare(x.index(), y.index()));
    return found;
  }

  /** {index, Q} of the best split of series[a, b), or null when the segment is too short. */
  double[] bestSplit(double[] z, int a, int b) {
    int n = b - a;
    if (n < 2 * minSize) return null;
    // start with the left part [a, a + minSize)
    double withinLeft = 0, withinRight = 0, cross = 0;
    int t = a + minSize;
    for (int i = a; i < t; i++) {
      for (int j = i + 1; j < t; j++) withinLeft += Math.abs(z[i] - z[j]);
      for (int j = t; j < b; j++) cross += Math.abs(z[i] - z[j]);
    }
    for (int i = t; i < b; i++) for (int j = i + 1; j < b; j++) withinRight += Math.abs(z[i] - z[j]);
    double bestQ = Double.NEGATIVE_INFINITY;
    int bestAt = -1;
    while (true) {
      double q = q(t - a, b - t, cross, withinLeft, withinRight);
      if (q > bestQ) {
        bestQ = q;
        bestAt = t;
      }
      if (t + 1 > b - minSize) break;
      // move z[t] from the right part to the left one
      double toLeft = 0, toRight = 0;
      for (int i = a; i < t; i++) toLeft += Math.abs(z[t] - z[i]);
      for (int j = t + 1; j < b; j++) toRight += Math.abs(z[t] - z[j]);
      withinLeft += toLeft;
      withinRight -= toRight;
      cross += toRight - toLeft;
      t++;
    }
    return new double[] {bestAt, bestQ};
  }

  /** The statistic Q of a split into m and k values. */
  static double q(int m, int k, double cross, double withinLeft, double withinRight) {
    double e = 2 * cross / ((double) m * k) - withinLeft / (m * (m - 1) / 2.0) - withinRight / (k * (k - 1) / 2.0);
    return (double) m * k / (m + k) * e;
  }

  private static void shuffle(double[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
