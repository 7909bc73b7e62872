package org.polybench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static List<Long> normal(Random r, double mean, double sd, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Math.round(mean + sd * r.nextGaussian()));
    return out;
  }

  @Test
  void identicalSamplesGiveADegenerateIntervalAtTheExactRatio() {
    Bootstrap.Interval i = Bootstrap.ratioOfMedians(List.of(List.of(300L, 300L, 300L)), List.of(List.of(100L, 100L)));
    assertEquals(3.0, i.estimate());
    assertEquals(3.0, i.low());
    assertEquals(3.0, i.high());
  }

  @Test
  void theIntervalCoversTheTrueRatioAboutAsOftenAsItsLevelSays() {
    // true medians 200 and 100: ratio 2. Across many independent experiments, a 95% interval
    // must contain 2 in roughly 95% of them (a broken bootstrap gives ~50% or ~100%).
    Random r = new Random(7);
    int covered = 0, trials = 200;
    for (int t = 0; t < trials; t++) {
      var i = Bootstrap.ratioOfMedians(
          List.of(normal(r, 200, 20, 40)), List.of(normal(r, 100, 10, 40)), 0.95, 500, t);
      if (i.contains(2.0)) covered++;
    }
    assertTrue(covered >= 176 && covered <= 200, "covered " + covered + " of " + trials);
  }

  @Test
  void processesThatDisagreeWidenTheIntervalBeyondThePooledOne() {
    // three processes of one cell, one of them 1.3x slower (the drift seen between CPython
    // processes): resampling processes must show that uncertainty; pooling the samples hides it.
    Random r = new Random(3);
    List<List<Long>> drifting = List.of(normal(r, 100, 2, 50), normal(r, 100, 2, 50), normal(r, 130, 2, 50));
    List<List<Long>> steady = List.of(normal(r, 100, 2, 50), normal(r, 100, 2, 50));
    List<List<Long>> base = List.of(normal(r, 100, 2, 100));
    var hier = Bootstrap.ratioOfMedians(drifting, base);
    var flat = Bootstrap.ratioOfMedians(List.of(drifting.stream().flatMap(List::stream).toList()), base);
    var calm = Bootstrap.ratioOfMedians(steady, base);
    assertTrue(hier.high() > 1.25 && flat.high() < 1.1, hier + " vs " + flat);
    assertTrue(calm.high() - calm.low() < 0.05, calm.toString());
  }

  @Test
  void thePairedIntervalCoversTheTrueRatioAboutAsOftenAsItsLevelSays() {
    // 8 blocks, each slowed by its own factor (sd 20%) on both sides alike; inside a block one
    // process per side, 20 samples with 5% noise; the numerator is 1.5x the denominator throughout
    Random r = new Random(11);
    int covered = 0, trials = 200;
    for (int t = 0; t < trials; t++) {
      List<List<List<Long>>> num = new ArrayList<>(), den = new ArrayList<>();
      for (int b = 0; b < 8; b++) {
        double f = Math.exp(0.2 * r.nextGaussian());
        num.add(List.of(normal(r, 150 * f, 7.5 * f, 20)));
        den.add(List.of(normal(r, 100 * f, 5 * f, 20)));
      }
      if (Bootstrap.pairedRatioOfMedians(num, den, 0.95, 500, t).contains(1.5)) covered++;
    }
    assertTrue(covered >= 176 && covered <= 200, "covered " + covered + " of " + trials);
  }

  @Test
  void pairedSidesMustHaveTheSameBlocks() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.pairedRatioOfMedians(List.of(List.of(List.of(1L))), List.of()));
    assertTrue(e.getMessage().contains("same blocks"), e.getMessage());
  }

  @Test
  void theSameInputsAndSeedGiveTheSameInterval() {
    Random r = new Random(1);
    var a = normal(r, 50, 5, 30);
    var b = normal(r, 40, 5, 30);
    assertEquals(Bootstrap.ratioOfMedians(List.of(a), List.of(b)), Bootstrap.ratioOfMedians(List.of(a), List.of(b)));
  }

  @Test
  void emptySidesAreRefusedWithWhichSide() {
    var e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.ratioOfMedians(List.of(), List.of(List.of(1L))));
    assertTrue(e.getMessage().contains("numerator"));
  }
}
