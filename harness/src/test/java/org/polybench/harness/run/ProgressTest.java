package org.polybench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Issue 15, fault 3: the harness's own reference loop ran for hours, silent, unbounded by --timeout. */
class ProgressTest {
  @Test
  void referenceComputationIsBoundedByTheTimeoutAndShowsProgress() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    long start = System.nanoTime();
    assertThrows(TimeoutException.class, () -> Progress.bounded("reference", () -> {
      while (true) Thread.onSpinWait(); // like the reference loop at 1e12: no interruption point
    }, Duration.ofSeconds(6), new PrintStream(buf, true)));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    assertTrue(buf.toString().contains("(reference 5 s)"), buf.toString());
  }

  @Test
  void quickReferenceIsReturnedAsIs() throws Exception {
    assertEquals(42, Progress.bounded("reference", () -> 42, Duration.ofSeconds(5), new PrintStream(new ByteArrayOutputStream())));
  }
}
