package org.polybench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run's last line: its real time after the build, and where it went, beside the estimate. */
class ClosingLineTest {
  @Test
  void theTimeAfterTheBuildIsCalibrationMeasuringAndOutputs() {
    Instant started = Instant.parse("2026-12-04T18:00:00Z");
    Instant built = started.plusSeconds(3);
    Instant measuring = built.plusSeconds(2);
    Instant measured = measuring.plusSeconds(110);
    Instant done = measured.plusSeconds(4);
    assertEquals("finished in 1 min 56 s after the build (build and catalogue 3 s; calibration and plan 2 s; measuring 1 min 50 s, "
        + "estimated 1 min 42 s; outputs 4 s)", RunCommand.closingLine(started, built, measuring, measured, done, Duration.ofSeconds(102)));
  }
}
