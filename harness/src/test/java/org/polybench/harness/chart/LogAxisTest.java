package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.polybench.harness.view.Durations;

class LogAxisTest {
  @Test
  void labelsOnlyWholeDecadesAndKeepsTheAxisEndsDistinct() {
    var f = LogAxis.decadeLabels(Durations::formatCompact, 2.8, 7.2);
    assertEquals("1 µs", f.apply(3.0));
    assertEquals("10 ms", f.apply(7.0));
    assertEquals("", f.apply(3.5));
    assertNotEquals(f.apply(2.8), f.apply(7.2));
  }

  @Test
  void rangesHoldTwoDecades() {
    assertArrayEquals(new double[] {2.8, 7.2}, LogAxis.withTwoDecades(2.8, 7.2), 1e-12);
    assertArrayEquals(new double[] {3, 4}, LogAxis.withTwoDecades(3.1, 3.5), 1e-12);
    assertArrayEquals(new double[] {3, 5}, LogAxis.withTwoDecades(3.1, 4.5), 1e-12);
  }
}
