package org.polybench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatsTest {
  @Test
  void driftComparesEarlyAndLateSamples() {
    assertEquals(2.0, CellStats.drift(List.of(200L, 200L, 200L, 100L, 100L, 100L)), 1e-12);
    assertEquals(1.0, CellStats.drift(List.of(100L, 100L, 100L, 100L)), 1e-12);
    assertEquals(0.0, CellStats.drift(List.of(100L, 100L, 100L)), "too few samples to say");
  }

  @Test
  void processesThatDisagreeByMoreThanTheWarningMakeTheCellUnsteady() {
    CellStats agree = CellStats.of(List.of(List.of(100L, 101L, 99L), List.of(104L, 105L, 103L)));
    CellStats apart = CellStats.of(List.of(List.of(100L, 101L, 99L), List.of(150L, 151L, 149L)));
    assertEquals(List.of(100L, 104L), agree.invocationMediansNs());
    assertFalse(agree.unsteady(), agree.toString());
    assertTrue(apart.unsteady(), apart.toString());
    assertEquals(50.0 / apart.medianNs(), apart.spread(), 1e-12);
  }

  @Test
  void aProcessStillSpeedingUpMakesTheCellUnsteadyAndSaysWhy() {
    CellStats s = CellStats.of(List.of(List.of(300L, 300L, 300L, 100L, 100L, 100L)));
    assertTrue(s.stillSpeedingUp());
    assertTrue(s.unsteady());
    assertEquals(3.0, s.drift(), 1e-12);
  }

  @Test
  void aProcessSlowingDownIsFlaggedAsWellAsOneSpeedingUp() {
    CellStats s = CellStats.of(List.of(List.of(100L, 100L, 100L, 150L, 150L, 150L)));
    assertTrue(s.slowingDown(), s.toString());
    assertFalse(s.stillSpeedingUp());
    assertTrue(s.unsteady());
    assertEquals(100.0 / 150, s.drift(), 1e-12);
  }

  @Test
  void driftWithinTheThresholdEitherWayIsSteady() {
    // 1.15 and 1 / 1.15: inside [1 / 1.2, 1.2]
    CellStats faster = CellStats.of(List.of(List.of(115L, 115L, 100L, 100L)));
    CellStats slower = CellStats.of(List.of(List.of(100L, 100L, 115L, 115L)));
    for (CellStats s : List.of(faster, slower)) {
      assertFalse(s.stillSpeedingUp() || s.slowingDown() || s.unsteady(), s.toString());
    }
  }

  @Test
  void theCellsDriftIsTheProcessFurthestFromSteadyInEitherDirection() {
    // one process 1.1x faster at the end, the other 2x slower: the slower one decides
    CellStats s = CellStats.of(List.of(List.of(110L, 110L, 100L, 100L), List.of(100L, 100L, 200L, 200L)));
    assertEquals(0.5, s.drift(), 1e-12);
    assertTrue(s.slowingDown());
  }

  @Test
  void thePooledSummaryIsTheSampleStatsOfAllSamples() {
    CellStats s = CellStats.of(List.of(List.of(5L, 1L), List.of(3L)));
    SampleStats all = SampleStats.of(List.of(5L, 1L, 3L));
    assertEquals(all.medianNs(), s.medianNs());
    assertEquals(all.ciLowNs(), s.ciLowNs());
    assertEquals(3, s.n());
    assertNull(s.drift(), "no process had enough samples");
    assertNull(CellStats.of(List.of(List.of())), "no samples, no statistics");
  }
}
