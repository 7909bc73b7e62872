package org.polybench.harness.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.polybench.harness.stats.Bootstrap;

/** The ratio and the agreement rule on constructed inputs (issue 9: agree when the 95% CI lies within [0.95, 1.05]). */
class AgreementTest {
  @Test
  void theRuleIsTheWholeIntervalInsideTheBand() {
    assertTrue(Agreement.within(new Bootstrap.Interval(1.0, 0.95, 1.05, 0.95, 2000)), "bounds included");
    assertFalse(Agreement.within(new Bootstrap.Interval(1.0, 0.949, 1.01, 0.95, 2000)));
    assertFalse(Agreement.within(new Bootstrap.Interval(1.0, 0.99, 1.051, 0.95, 2000)));
    assertFalse(Agreement.within(new Bootstrap.Interval(1.0, 0.90, 1.10, 0.95, 2000)), "too wide to tell is not agreement");
  }

  @Test
  void equalTimesAgree() {
    Agreement a = Agreement.of(groups(1000, 0.005, 3, 10, 1), refereeGroups(1000, 0.005, 3, 10, 2));
    assertEquals(1000, a.harnessMedianNs(), 15);
    assertEquals(1000, a.refereeMedianNs(), 15);
    assertEquals(1.0, a.ratio().estimate(), 0.02);
    assertTrue(a.ratio().contains(1.0));
    assertTrue(a.agrees(), a.toString());
  }

  @Test
  void aHarnessThirtyPercentSlowerDisagreesWithTheRatioNamed() {
    Agreement a = Agreement.of(groups(1300, 0.005, 3, 10, 3), refereeGroups(1000, 0.005, 3, 10, 4));
    assertEquals(1.3, a.ratio().estimate(), 0.02);
    assertTrue(a.ratio().above(1.05));
    assertFalse(a.agrees());
  }

  @Test
  void theRatioIsOfMediansNotMeans() {
    // one huge outlier per side moves a mean, not a median
    List<List<Long>> h = List.of(List.of(100L, 100L, 100L, 100L, 1_000_000L));
    List<List<List<Double>>> r = List.of(List.of(List.of(50.0, 50.0, 50.0, 50.0, 9e9)));
    Agreement a = Agreement.of(h, r);
    assertEquals(100, a.harnessMedianNs());
    assertEquals(50, a.refereeMedianNs());
    assertEquals(2.0, a.ratio().estimate(), 1e-12);
  }

  @Test
  void subNanosecondRefereeValuesKeepTheirPrecision() {
    // 0.5 ns per call rounded to whole ns could be 0 or 1: resampled in picoseconds it stays 0.5
    Agreement a = Agreement.of(List.of(List.of(1L, 1L, 1L)), List.of(List.of(List.of(0.5, 0.5, 0.5))));
    assertEquals(2.0, a.ratio().estimate(), 1e-12);
  }

  @Test
  void oneSlowHarnessProcessWidensTheIntervalSoItCannotAgree() {
    // two processes at 1000 ns and one at 1500 ns: pooled median near 1000, but processes disagree
    List<List<Long>> h = new ArrayList<>(groups(1000, 0.002, 2, 10, 5));
    h.addAll(groups(1500, 0.002, 1, 10, 6));
    Agreement a = Agreement.of(h, refereeGroups(1000, 0.002, 3, 10, 7));
    assertTrue(a.ratio().high() > 1.05, a.toString());
    assertFalse(a.agrees());
  }

  @Test
  void aDriftBothSidesOfARoundShareCancelsInTheRatio() {
    // the machine slows down and speeds up from round to round by up to 40% (as seen here between
    // processes), on both sides of each round alike: the paired interval stays inside the band,
    // where resampling the two sides independently could not tell
    double[] machine = {1.0, 1.25, 0.9, 1.4, 1.1};
    List<List<Long>> h = new ArrayList<>();
    List<List<List<Double>>> r = new ArrayList<>();
    for (int k = 0; k < machine.length; k++) {
      h.add(groups(1000 * machine[k], 0.005, 1, 10, 20 + k).get(0));
      r.add(refereeGroups(1000 * machine[k], 0.005, 2, 10, 40 + k).stream().map(round -> round.get(0)).toList());
    }
    Agreement a = Agreement.of(h, r);
    assertTrue(a.agrees(), a.toString());
    Bootstrap.Interval unpaired = Bootstrap.ratioOfMedians(h,
        r.stream().flatMap(List::stream).map(g -> g.stream().map(Math::round).toList()).toList());
    assertFalse(Agreement.within(unpaired), "independent resampling sees only the spread: " + unpaired);
  }

  @Test
  void aGapTheDriftDoesNotExplainIsStillFound() {
    // same drift, but the harness is 10% slower than the referee in every round
    double[] machine = {1.0, 1.25, 0.9, 1.4, 1.1};
    List<List<Long>> h = new ArrayList<>();
    List<List<List<Double>>> r = new ArrayList<>();
    for (int k = 0; k < machine.length; k++) {
      h.add(groups(1100 * machine[k], 0.005, 1, 10, 60 + k).get(0));
      r.add(refereeGroups(1000 * machine[k], 0.005, 1, 10, 80 + k).get(0));
    }
    Agreement a = Agreement.of(h, r);
    assertTrue(a.ratio().above(1.05), a.toString());
    assertFalse(a.agrees());
  }

  private static List<List<Long>> groups(double center, double rel, int n, int per, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<Long>> out = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      List<Long> xs = new ArrayList<>();
      for (int i = 0; i < per; i++) xs.add(Math.round(center * (1 + rel * (rnd.nextDouble() * 2 - 1))));
      out.add(xs);
    }
    return out;
  }

  /** One referee group per round, as a JMH fork or a criterion run is. */
  private static List<List<List<Double>>> refereeGroups(double center, double rel, int n, int per, long seed) {
    return groups(center, rel, n, per, seed).stream().map(g -> List.of(g.stream().map(Long::doubleValue).toList())).toList();
  }
}
