package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void threeSignificantDigitsInTheLargestUnitAtLeastOne() {
    assertEquals("123 ns", Durations.format(123));
    assertEquals("4.56 µs", Durations.format(4_560));
    assertEquals("7.89 ms", Durations.format(7_890_000));
    assertEquals("1.23 s", Durations.format(1_230_000_000));
    assertEquals("45.5 µs", Durations.format(45_450));
    assertEquals("1.00 µs", Durations.format(1_000));
    assertEquals("999 ns", Durations.format(999));
    assertEquals("0.500 ns", Durations.format(0.5));
    assertEquals("0 ns", Durations.format(0));
  }

  @Test
  void roundsBeforeChoosingTheUnit() {
    assertEquals("1.00 µs", Durations.format(999.6));
    assertEquals("1.00 ms", Durations.format(999_600));
    assertEquals("1.00 s", Durations.format(999_999_999));
  }

  @Test
  void secondsStayTheLargestUnit() {
    assertEquals("12300 s", Durations.format(12_345_678_901_234.0));
  }

  @Test
  void compactDropsTrailingZerosForAxisTicks() {
    assertEquals("100 ns", Durations.formatCompact(100));
    assertEquals("1 µs", Durations.formatCompact(1_000));
    assertEquals("10 µs", Durations.formatCompact(10_000));
    assertEquals("2.5 ms", Durations.formatCompact(2_500_000));
    assertEquals("1 s", Durations.formatCompact(1e9));
    assertEquals("100 s", Durations.formatCompact(1e11));
  }

  @Test
  void nonFiniteAndNegative() {
    assertEquals("n/a", Durations.format(Double.NaN));
    assertEquals("-1.50 µs", Durations.format(-1_500));
  }
}
