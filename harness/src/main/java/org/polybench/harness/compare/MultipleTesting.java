package org.polybench.harness.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections of p-values for testing many cells at once: with 40 cells at alpha 0.05, two
 * false alarms per comparison would be expected without one.
 */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Holm's step-down adjustment (Holm 1979): sort ascending, p'(i) = max over j <= i of
   * min(1, (m - j + 1) p(j)); reject where p' < alpha. Controls the family-wise error rate like
   * Bonferroni but rejects at least as much. Returned in the input's order.
   */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /** Bonferroni: p' = min(1, m p). */
  public static double[] bonferroni(double[] p) {
    return Arrays.stream(p).map(x -> Math.min(1, p.length * x)).toArray();
  }
}
