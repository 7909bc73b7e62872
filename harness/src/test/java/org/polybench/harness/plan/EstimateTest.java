package org.polybench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.workload.Workloads;

class EstimateTest {
  private static Implementation impl(String language, String variant, String runner) {
    return new Implementation(language, variant, Implementation.Kind.NAIVE, Map.of("dot", "x"), runner, false, Map.of());
  }

  private static Plan plan(int invocations, Cell... cells) {
    return new Plan(List.of(cells), new Settings(42, 2, 10, true, Duration.ofSeconds(60), 0, invocations));
  }

  /** A calibrated cell's calls, not just the runner's typical process: calls of the sweep's target length. */
  @Test
  void aCalibratedCellWithoutHistoryAddsItsCallsAtTheCalibrationsTime() {
    var parallel = Workloads.find("parallel").orElseThrow();
    Implementation rust = new Implementation("rust", "threads", Implementation.Kind.IDIOMATIC, Map.of("parallel", "x"), "rust", false, Map.of());
    Implementation java = new Implementation("java", "threads", Implementation.Kind.IDIOMATIC, Map.of("parallel", "x"), "java", false, Map.of());
    // calibration: rust/threads 1e7 took 50 ms, so 2e7 takes 100 ms a call (50 ms at 2 threads)
    var calibration = List.of(new Calibration.Result("parallel", 100_000_000L, List.of(100_000L),
        List.of(new Calibration.Choice("rust/threads", 20_000_000L, 10_000_000L, 50_000_000L, null))));
    Plan p = plan(1, new Cell(parallel, rust, 20_000_000L, 1), new Cell(parallel, rust, 20_000_000L, 2), new Cell(parallel, java, 1000, 1));
    Estimate e = Estimate.of(p, null, calibration, impl -> impl.language().equals("java"));
    // 2 warm-up + 10 measured + 1 allocation call = 13 calls: 1.3 s, 0.65 s, each beside a typical
    // rust process; java/threads is not calibrated: a typical java process
    double rustTypical = Estimate.TYPICAL_SECONDS.get("rust");
    double javaTypical = Estimate.TYPICAL_SECONDS.get("java");
    assertEquals(rustTypical + 1.3 + rustTypical + 0.65 + javaTypical, e.seconds(), 1e-9);
    assertEquals(2 * rustTypical + javaTypical, Estimate.of(p, null).seconds(), 1e-9, "without the calibration: typical processes only");
  }

  @Test
  void eachCellTakesItsProcessesAtTheEarlierRunsWallTime() {
    var dot = Workloads.find("dot").orElseThrow();
    // FakeRuns.ok: one process of 1 s wall time per cell
    RunRecord earlier = new RunRecord(2, "r", "2026-01-01T00:00:00Z", null, List.of(), Map.of(), Map.of(),
        List.of(FakeRuns.ok("dot", "python/pure", 1000, List.of(5L, 6L)), FakeRuns.ok("dot", "rust/naive", 1000, List.of(5L))));
    Estimate e = Estimate.of(plan(3, new Cell(dot, impl("python", "pure", "python"), 1000, 1),
        new Cell(dot, impl("rust", "naive", "rust"), 1000, 1)), earlier);
    assertEquals(6.0, e.seconds(), 1e-9, "2 cells x 3 processes x 1 s");
    assertEquals(2, e.fromHistory());
    assertTrue(e.describe().startsWith("about 6 s (from the last run's times of every cell)"), e.describe());
  }

  @Test
  void aCellNotInTheEarlierRunTakesItsRunnersTimeForThatWorkloadElseTheTypicalOne() {
    var dot = Workloads.find("dot").orElseThrow();
    RunRecord earlier = new RunRecord(2, "r", "2026-01-01T00:00:00Z", null, List.of(), Map.of(), Map.of(),
        List.of(FakeRuns.ok("dot", "python/pure", 1000, List.of(5L))));
    // python/numpy at 1e6 was not measured: the python processes of dot took 1 s there
    Estimate e = Estimate.of(plan(2, new Cell(dot, impl("python", "numpy", "python"), 1_000_000, 1),
        new Cell(dot, impl("java", "scalar", "java"), 1000, 1)), earlier);
    assertEquals(2 * 1.0 + 2 * Estimate.TYPICAL_SECONDS.get("java"), e.seconds(), 1e-9);
    assertEquals(0, e.fromHistory());
    assertTrue(e.describe().contains("typical times per runner"), e.describe());
    assertEquals(2 * 2 * Estimate.TYPICAL_SECONDS.get("java"),
        Estimate.of(plan(2, new Cell(dot, impl("java", "scalar", "java"), 1000, 1), new Cell(dot, impl("java", "vector", "java"), 1000, 1)), null).seconds(), 1e-9);
  }

  @Test
  void durationsReadAsMinutesAndSeconds() {
    assertEquals("45 s", Estimate.minutesSeconds(Duration.ofMillis(45_400)));
    assertEquals("2 min 05 s", Estimate.minutesSeconds(Duration.ofSeconds(125)));
    assertEquals("1 h 03 min", Estimate.minutesSeconds(Duration.ofMinutes(63)));
  }
}
