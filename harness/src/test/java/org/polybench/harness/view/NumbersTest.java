package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  /** Factors: one decimal below 10, whole numbers from 10 on (rounded first). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.0     | 1.0x
          1.04    | 1.0x
          1.05    | 1.1x
          9.94    | 9.9x
          9.96    | 10x
          37.2    | 37x
          412.4   | 412x
          1234.5  | 1235x
          NaN     | n/a
          """)
  void factor(double f, String expected) {
    assertEquals(expected, Numbers.factor(f));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.012   | 1.2%
          0.0005  | 0.1%
          0.0004  | <0.1%
          0.123   | 12%
          0.0996  | 10%
          """)
  void percent(double fraction, String expected) {
    assertEquals(expected, Numbers.percent(fraction));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          10000000 | 10,000,000
          1000     | 1,000
          """)
  void size(long n, String expected) {
    assertEquals(expected, Numbers.size(n));
  }

  /** Log-axis ticks: SI prefixes, trailing zeros dropped. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1e3   | 1k
          1e7   | 10M
          2500  | 2.5k
          100   | 100
          1e9   | 1G
          """)
  void sizeCompact(double n, String expected) {
    assertEquals(expected, Numbers.sizeCompact(n));
  }

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          67430178816 | 62.8 GiB
          17179869184 | 16.0 GiB
          """)
  void gib(long bytes, String expected) {
    assertEquals(expected, Numbers.gib(bytes));
  }
}
