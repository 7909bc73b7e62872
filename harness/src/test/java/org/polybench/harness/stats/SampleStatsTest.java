package org.polybench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleStatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3, SampleStats.of(List.of(5L, 1L, 3L)).medianNs());
    assertEquals(2, SampleStats.of(List.of(4L, 1L, 3L, 2L)).medianNs()); // (2+3)/2 rounded down
  }

  @Test
  void minMaxMeanStddev() {
    SampleStats s = SampleStats.of(List.of(2L, 4L, 4L, 4L, 5L, 5L, 7L, 9L));
    assertEquals(2, s.minNs());
    assertEquals(9, s.maxNs());
    assertEquals(5.0, s.meanNs(), 1e-12);
    assertEquals(Math.sqrt(32.0 / 7), s.stddevNs(), 1e-12);
  }

  @Test
  void medianIntervalForTenSamplesUsesSecondAndNinthValues() {
    // P(2 <= B <= 8), B ~ Bin(10, 1/2) = 1002/1024; the next narrower one covers only 912/1024.
    assertArrayEquals(new int[] {1, 8}, SampleStats.medianCiRanks(10, 0.95));
    SampleStats s = SampleStats.of(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L));
    assertEquals(20, s.ciLowNs());
    assertEquals(90, s.ciHighNs());
    assertEquals(1002.0 / 1024, s.ciLevel(), 1e-12);
  }

  @Test
  void tooFewSamplesGiveTheFullRangeWithItsTrueLevel() {
    SampleStats s = SampleStats.of(List.of(1L, 2L, 3L, 4L, 5L));
    assertEquals(1, s.ciLowNs());
    assertEquals(5, s.ciHighNs());
    assertEquals(1 - 2.0 / 32, s.ciLevel(), 1e-12);
    assertTrue(s.ciLevel() < 0.95);
  }

  @Test
  void largeSampleCountsDoNotOverflow() {
    int[] r = SampleStats.medianCiRanks(2000, 0.95);
    assertTrue(r[0] > 900 && r[1] < 1100, r[0] + ".." + r[1]);
  }
}
