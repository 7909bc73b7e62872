package org.polybench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.plan.TestCatalogue;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.protocol.RunnerArgs;
import org.polybench.harness.store.Invocation;

/** The fresh --baseline process (docs/runner-protocol.md#--baseline), driven by fake runners. */
class BaselinesTest {
  @TempDir Path tmp;

  private final Settings settings = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0);
  private final RunnerArgs args = new RunnerArgs("dot", "scalar", 0, 1, 1, 3, 42, null);

  private static String json(String extra) {
    return """
        {"protocol": 2, "workload": "dot", "language": "java", "variant": "scalar", "size": 0, "threads": 1, "seed": 42,
         "warmup_ns": [900], "samples_ns": [300, 100, 200], "checksum": "0.0", "checksum_kind": "float",
         "peak_rss_bytes": 50000000, "runtime": {"name": "fake"}, "extra": %s}
        """.formatted(extra);
  }

  private Baselines.Fresh runFake(String stdout, int exit) throws IOException {
    Path f = tmp.resolve("runner.sh");
    Files.writeString(f, "#!/bin/sh\ncat <<'EOF'\n" + stdout + "EOF\nexit " + exit + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    return Baselines.run(List.of(f.toString()), tmp, settings, "java", args);
  }

  @Test
  void theBaselineIsTheFreshProcesssPeak() throws IOException {
    Baselines.Fresh f = runFake(json("{\"baseline_mode\": \"empty input\"}"), 0);
    assertEquals(50_000_000L, f.rssBytes(), f.error());
  }

  @Test
  void aRunnerWithoutTheModeGivesNoBaseline() throws IOException {
    // a runner that ignored --baseline measured something else: not a baseline
    Baselines.Fresh f = runFake(json("{}"), 0);
    assertNull(f.rssBytes());
    assertTrue(f.error().contains("baseline_mode"), f.error());
  }

  @Test
  void aFailedBaselineProcessSaysWhy() throws IOException {
    Baselines.Fresh f = runFake("", 2);
    assertNull(f.rssBytes());
    assertTrue(f.error().contains("exited 2"), f.error());
  }

  private static Invocation measured() {
    return Invocation.succeeded(1, 1000, List.of(1L), List.of(2L, 3L), 80_000_000L, "1.0", "float", Map.of(),
        Map.of("baseline_rss_bytes", 40_000_000L, "baseline_rss_point", "before the variant"));
  }

  @Test
  void aFreshBaselineReplacesTheInProcessOneAndKeepsItBeside() {
    Invocation i = Baselines.with(measured(), new Baselines.Fresh(55_000_000L, null));
    assertEquals(55_000_000L, i.extra().get("baseline_rss_bytes"));
    assertEquals(Baselines.FRESH_POINT, i.extra().get("baseline_rss_point"));
    assertEquals(40_000_000L, i.extra().get("baseline_rss_in_process_bytes"));
    assertEquals("before the variant", i.extra().get("baseline_rss_in_process_point"));
    assertEquals(80_000_000L, i.peakRssBytes());
  }

  @Test
  void withoutAFreshBaselineTheInProcessOneStaysAndTheReasonIsRecorded() {
    Invocation i = Baselines.with(measured(), new Baselines.Fresh(null, "the --baseline process exited 2"));
    assertEquals(40_000_000L, i.extra().get("baseline_rss_bytes"));
    assertEquals("the --baseline process exited 2", i.extra().get("baseline_fresh_unavailable"));
  }

  @Test
  void theBaselinesWarmUpDoesNotDependOnWhichCellCameFirst() {
    // the work rule (1e8 elements) would give a size-1 cell 5,000 warm-up samples; at size 0 each
    // batches thousands of boxing calls, and that garbage, not the runtime, decided the baseline
    Settings run = new Settings(42, 2, 10, true, Duration.ofSeconds(20), Settings.WARMUP_WORK);
    var dot = Workloads.find("dot").orElseThrow();
    var scalar = TestCatalogue.find("java/scalar");
    int small = Baselines.baselineWarmup(new Cell(dot, scalar, 1, 1), run, true);
    int large = Baselines.baselineWarmup(new Cell(dot, scalar, 1_000_000, 1), run, true);
    assertEquals(Settings.MAX_WARMUP, run.warmupFor(dot, 1), "the size-1 cell itself keeps its 5,000");
    assertEquals(large, small);
    assertEquals(Settings.MIN_JIT_WARMUP, small);
    var parallel = Workloads.find("parallel").orElseThrow();
    assertEquals(5, Baselines.baselineWarmup(new Cell(parallel, TestCatalogue.find("java/threads"), 1, 2), run, true));
    assertEquals(2, Baselines.baselineWarmup(new Cell(dot, scalar, 1, 1), run, false), "no JIT: the run's count");
  }
}
