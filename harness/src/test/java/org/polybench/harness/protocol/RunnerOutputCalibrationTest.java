package org.polybench.harness.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration fields of the runner protocol: calls per sample, the clock, a warm-up longer than its count. */
class RunnerOutputCalibrationTest {
  private static final RunnerArgs ARGS = new RunnerArgs("dot", "pure", 10, 1, 2, 3, 42, null, 50);

  private static String output(String warmup, String extra) {
    return "{\"protocol\": 2, \"workload\": \"dot\", \"language\": \"python\", \"variant\": \"pure\","
        + " \"size\": 10, \"threads\": 1, \"seed\": 42, \"warmup_ns\": " + warmup + ", \"samples_ns\": [5, 6, 7],"
        + " \"checksum\": \"1.0 2.0\", \"checksum_kind\": \"float\", \"peak_rss_bytes\": 1000, \"extra\": " + extra + "}";
  }

  @Test
  void callsPerSampleAndTheClockAreReadFromExtra() throws Exception {
    RunnerOutput o = RunnerOutput.parse(
        output("[9, 8, 7, 6]", "{\"calls_per_sample\": 64, \"clock_overhead_ns\": 25, \"clock_resolution_ns\": 1}"), "python", ARGS);
    assertEquals(64, o.callsPerSample());
    assertEquals(List.of(5L, 6L, 7L), o.samplesNs(), "per-call times, as the runner reported them");
    assertEquals(4, o.warmupNs().size(), "warm-up past --warmup 2: the time rule and the calibration add entries");
  }

  @Test
  void aRunnerThatDoesNotSayTimesOneCallPerSample() throws Exception {
    assertEquals(1, RunnerOutput.parse(output("[9, 8]", "{}"), "python", ARGS).callsPerSample());
  }

  @Test
  void fewerWarmupEntriesThanTheCountIsAProtocolError() {
    var e = assertThrows(RunnerOutput.ProtocolError.class, () -> RunnerOutput.parse(output("[9]", "{}"), "python", ARGS));
    assertTrue(e.getMessage().contains("at least --warmup 2"), e.getMessage());
  }

  @Test
  void badCalibrationFieldsAreProtocolErrors() {
    for (String extra : List.of("{\"calls_per_sample\": 0}", "{\"calls_per_sample\": 1.5}", "{\"calls_per_sample\": \"2\"}",
        "{\"clock_overhead_ns\": -1}", "{\"clock_resolution_ns\": 0}")) {
      var e = assertThrows(RunnerOutput.ProtocolError.class, () -> RunnerOutput.parse(output("[9, 8]", extra), "python", ARGS), extra);
      assertTrue(e.getMessage().startsWith("extra."), e.getMessage());
    }
  }

  @Test
  void theMinimumWarmupTimeIsPassedAsAFlagOnlyWhenSet() {
    assertTrue(String.join(" ", ARGS.flags()).contains("--warmup-time-ms 50"));
    assertTrue(!new RunnerArgs("dot", "pure", 10, 1, 2, 3, 42, null).flags().contains("--warmup-time-ms"));
  }
}
