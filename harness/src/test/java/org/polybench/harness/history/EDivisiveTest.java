package org.polybench.harness.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** E-Divisive means against its definition (Matteson and James 2014) and on series with known steps. */
class EDivisiveTest {
  private static double[] steps(long seed, double noise, int[] lengths, double[] levels) {
    Random rnd = new Random(seed);
    int n = java.util.Arrays.stream(lengths).sum();
    double[] z = new double[n];
    int k = 0;
    for (int s = 0; s < lengths.length; s++) for (int i = 0; i < lengths[s]; i++) z[k++] = levels[s] * (1 + noise * rnd.nextGaussian());
    return z;
  }

  @Test
  void statisticMatchesAHandComputation() {
    // [0,0,1,1] split after 2: cross pairs 4 x |0-1| = 4, within pairs 0;
    // E = 2/(2*2)*4 - 0 - 0 = 2, Q = (2*2)/(2+2) * 2 = 2
    double[] best = new EDivisive(0.05, 19, 2, 1).bestSplit(new double[] {0, 0, 1, 1}, 0, 4);
    assertEquals(2, (int) best[0]);
    assertEquals(2.0, best[1], 1e-12);
    // [0,1,0,1,5,6] with 2 on each side at least: the split before the 5 is best
    assertEquals(4, (int) new EDivisive(0.05, 19, 2, 1).bestSplit(new double[] {0, 1, 0, 1, 5, 6}, 0, 6)[0]);
  }

  @Test
  void oneStepIsFoundWhereItIs() {
    List<EDivisive.ChangePoint> cps = EDivisive.defaults().detect(steps(1, 0.01, new int[] {10, 10}, new double[] {100, 130}));
    assertEquals(1, cps.size(), cps.toString());
    assertEquals(10, cps.get(0).index());
    assertTrue(cps.get(0).pValue() <= 0.01, cps.toString());
  }

  @Test
  void twoStepsAreBothFound() {
    List<EDivisive.ChangePoint> cps = EDivisive.defaults().detect(steps(2, 0.01, new int[] {8, 8, 8}, new double[] {100, 150, 110}));
    assertEquals(List.of(8, 16), cps.stream().map(EDivisive.ChangePoint::index).toList());
  }

  @Test
  void noiseAloneHasNoChange() {
    for (long seed = 1; seed <= 5; seed++) {
      List<EDivisive.ChangePoint> cps = EDivisive.defaults().detect(steps(seed, 0.03, new int[] {30}, new double[] {100}));
      assertTrue(cps.isEmpty(), "seed " + seed + ": " + cps);
    }
  }

  @Test
  void tooShortASeriesHasNoChange() {
    assertTrue(EDivisive.defaults().detect(new double[] {1, 1, 5, 5, 5}).isEmpty());
  }
}
