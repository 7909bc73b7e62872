package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  /** Three significant digits in the largest unit that keeps the value at least one. */
  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          123                | 123 ns
          4560               | 4.56 µs
          7890000            | 7.89 ms
          1230000000         | 1.23 s
          45450              | 45.5 µs
          1000               | 1.00 µs
          999                | 999 ns
          0.5                | 0.500 ns
          0                  | 0 ns
          999.6              | 1.00 µs
          999600             | 1.00 ms
          999999999          | 1.00 s
          12345678901234.0   | 12300 s
          NaN                | n/a
          -1500              | -1.50 µs
          """)
  void format(double nanos, String expected) {
    // 999.6 ns and the like round before the unit is chosen; seconds stay the largest unit.
    assertEquals(expected, Durations.format(nanos));
  }

  /** Axis ticks: trailing zeros dropped. */
  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          100       | 100 ns
          1000      | 1 µs
          10000     | 10 µs
          2500000   | 2.5 ms
          1e9       | 1 s
          1e11      | 100 s
          """)
  void formatCompact(double nanos, String expected) {
    assertEquals(expected, Durations.formatCompact(nanos));
  }
}
