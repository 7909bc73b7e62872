package org.polybench.harness.view;

import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Verification;
import org.polybench.harness.store.RunRecord;

/** Speedup and efficiency of a thread sweep: the summary table, the pool start-up and the charts. */
class ThreadScalingTest {

  /** A verified parallel cell with this median, runtime and extra. */
  static CellResult cell(String impl, long size, int threads, long medianNs, Map<String, Object> runtime, Map<String, Object> extra) {
    CellResult m = FakeRuns.ok("parallel", impl, size, threads, List.of(medianNs, medianNs + 10, medianNs - 10));
    return m.withRuntime(runtime, extra).withVerification(new Verification("8388861253563", "u64", "8388861253563", true, null));
  }

  /** parallel at 1e5 and 4e6 on 1, 2 and 4 threads (the machine has 2 cores), plus a dot cell. */
  static RunRecord sweep() {
    Map<String, Object> gil = Map.of("gil_enabled", true);
    List<CellResult> ms = new ArrayList<>();
    for (long size : List.of(100_000L, 4_000_000L)) {
      long f = size / 100_000L;
      for (int t : List.of(1, 2, 4)) {
        Map<String, Object> aff = Map.of("cpu_affinity", "0-1");
        ms.add(cell("python/threads", size, t, 30_000_000L * f, gil, aff));
        Map<String, Object> pool = new LinkedHashMap<>(aff);
        pool.put("pool_startup_ns", 12_000_000L);
        ms.add(cell("python/processes", size, t, 30_000_000L * f / Math.min(t, 2), gil, pool));
        ms.add(cell("rust/rayon", size, t, 40_000L * f / Math.min(t, 2) * (t > 2 ? 11 : 10) / 10, Map.of(), aff));
      }
    }
    ms.add(FakeRuns.ok("dot", "rust/naive", 1_000, List.of(900L, 1_000L, 1_100L)));
    Map<String, Object> env = FakeRuns.environment();
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = new LinkedHashMap<>((Map<String, Object>) env.get("machine"));
    machine.put("logical_cores", 2);
    env = new LinkedHashMap<>(env);
    env.put("machine", machine);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION, "sweep", "2025-11-23T20:29:00Z", "2025-11-23T20:31:00Z",
        List.of("bench", "run", "--workloads", "parallel,dot", "--threads", "1,2,4"),
        FakeRuns.settings(List.of(100_000L, 4_000_000L)), env, ms);
  }

  private static WorkloadTable table(RunRecord run, String workload) {
    return WorkloadTable.of(run, workload).orElseThrow();
  }

  @Test
  void speedupIsTheOneThreadMedianOverTheMedianAtTAtTheLargestSize() {
    RunRecord run = sweep();
    ThreadScaling s = ThreadScaling.of(run, table(run, "parallel")).orElseThrow();
    assertEquals(4_000_000L, s.size());
    assertEquals(List.of(1, 2, 4), s.threads());
    assertEquals(2, s.logicalCores());
    assertEquals(List.of("0-1"), s.cpuAffinity());
    assertEquals(List.of("python/threads", "python/processes", "rust/rayon"), s.lines().stream().map(ThreadScaling.Line::implementation).toList());
    ThreadScaling.Line processes = s.lines().get(1);
    assertEquals(1.0, processes.at(1).speedup(), 1e-12);
    assertEquals(2.0, processes.at(2).speedup(), 1e-12);
    assertEquals(0.5, processes.at(4).efficiency(), 1e-12);
    assertEquals(12_000_000L, processes.at(2).poolStartupNs());
    assertEquals(1.0, s.lines().get(0).at(4).speedup(), 1e-12);
  }

  @Test
  void singleThreadedWorkloadsHaveNoScaling() {
    RunRecord run = sweep();
    assertTrue(ThreadScaling.of(run, table(run, "dot")).isEmpty());
  }

  @Test
  void aRunWithoutTheGilIsLabelled() {
    RunRecord run = sweep();
    List<CellResult> ms = new ArrayList<>(run.measurements());
    ms.replaceAll(m -> m.implementation().equals("python/threads") && m.size() == 4_000_000L
        ? cell("python/threads", m.size(), m.threads(), m.medianNs() / Math.min(m.threads(), 2), Map.of("gil_enabled", false), Map.of())
        : m);
    RunRecord noGil = new RunRecord(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(), run.commandLine(),
        run.settings(), run.environment(), ms);
    ThreadScaling s = ThreadScaling.of(noGil, table(noGil, "parallel")).orElseThrow();
    assertEquals("python/threads (no GIL)", s.lines().get(0).label());
    assertEquals(2.0, s.lines().get(0).at(2).speedup(), 1e-12);
  }

  @Test
  void summaryHasTheSpeedupTableAndWhatAPoolCosts() {
    String md = FakeRuns.summaryWith(sweep(),
        "### Speedup vs 1 thread at 4,000,000 elements",
        "Logical cores: 2; CPU affinity of the runners: 0-1.",
        "| implementation | kind | threads between calls | n | median at 1 thread | 1 thread | 2 threads | 4 threads |",
        "| `python/processes` | idiomatic | – | 4,000,000 | 1.20 s | 1.00x (100%) | 2.00x [2.00x, 2.00x] (100%) | 2.00x [2.00x, 2.00x] (50%) |",
        "| `python/threads` | naive | – | 4,000,000 | 1.20 s | 1.00x (100%) | 1.00x [1.00x, 1.00x] (50%) | 1.00x [1.00x, 1.00x] (25%) |",
        "#### What one call costs with a process pool");
    // no free-threaded line: the summary says so and how to get one here
    assertTrue(md.contains("Free-threaded CPython: not measured: every Python line here ran with the GIL."), md);
    assertTrue(md.contains("`./bench build --free-threaded`") && md.contains("`./bench run --free-threaded`"), md);
    // 4e6: 1.2 s at 1 thread, 600 ms at 2; start-up 12 ms
    assertTrue(md.contains("| `python/processes` | 2 | 12.0 ms | 600 ms | 612 ms |"), md);
    assertEquals(1, md.split("### Speedup vs 1 thread", -1).length - 1, "only the threaded workload gets the table");
  }

  @Test
  void speedupAndTimeAtMaxThreadsChartsOnlyForTheSweptWorkload(@TempDir Path dir) throws IOException {
    List<Path> written = Charts.renderAll(sweep(), dir);
    List<String> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String n : List.of("parallel-speedup", "parallel-time-at-max-threads")) {
      assertTrue(names.contains(n + ".png") && names.contains(n + ".svg"), names.toString());
      assertTrue(Files.size(dir.resolve(n + ".png")) > 5_000);
    }
    assertFalse(names.stream().anyMatch(n -> n.startsWith("dot-speedup") || n.startsWith("dot-time-at-max")), names.toString());
    assertEquals(names, written.stream().map(p -> p.getFileName().toString()).sorted().toList());
    String svg = Files.readString(dir.resolve("parallel-speedup.svg"));
    assertTrue(svg.contains("run sweep"), "the footer names the run");
  }

  /**
   * A calibrated run: python/threads calibrated at 4e6, rust/rayon at 4e8 (only it has cells
   * there), both also at the common 1e5; the catalogue says which variant reuses its threads.
   */
  static RunRecord calibratedSweep() {
    RunRecord base = sweep();
    List<CellResult> ms = new ArrayList<>(base.measurements());
    ms.removeIf(m -> m.implementation().equals("python/processes"));
    for (int t : List.of(1, 2, 4)) {
      // at 4e8 rayon scales to 2x; at 4e6 (its largest common-with-python size) it would show less
      ms.add(cell("rust/rayon", 400_000_000L, t, 34_000_000L / Math.min(t, 2), Map.of(), Map.of("cpu_affinity", "0-1")));
    }
    Map<String, Object> settings = new LinkedHashMap<>(base.settings());
    settings.put("calibration", Map.of("parallel", Map.of(
        "target_ns", 100_000_000L, "threads", 1, "common_sizes", List.of(100_000L),
        "implementations", Map.of(
            "python/threads", Map.of("size", 4_000_000L, "calibration_size", 100_000L, "calibration_call_ns", 30_000_000L),
            "rust/rayon", Map.of("size", 400_000_000L, "calibration_size", 40_000_000L, "calibration_call_ns", 3_400_000L)))));
    Map<String, Object> env = new LinkedHashMap<>(base.environment());
    env.put("catalogue", List.of(
        Map.of("id", "python/threads", "kind", "naive", "descriptions", Map.of("parallel", "new threading.Thread per chunk on every call (nothing reused)")),
        Map.of("id", "rust/rayon", "kind", "idiomatic", "descriptions", Map.of("parallel", "a local ThreadPool built before timing and reused by every call"))));
    return new RunRecord(base.schemaVersion(), base.runId(), base.startedAt(), base.finishedAt(), base.commandLine(), settings, env, ms);
  }

  @Test
  void aCalibratedRunComparesEachImplementationAtItsCalibratedSize() {
    RunRecord run = calibratedSweep();
    ThreadScaling s = ThreadScaling.of(run, table(run, "parallel")).orElseThrow();
    assertTrue(s.calibrated());
    assertEquals(0, s.size(), "no one size for all lines");
    ThreadScaling.Line py = s.lines().stream().filter(l -> l.implementation().equals("python/threads")).findFirst().orElseThrow();
    ThreadScaling.Line rayon = s.lines().stream().filter(l -> l.implementation().equals("rust/rayon")).findFirst().orElseThrow();
    assertEquals(4_000_000L, py.size());
    assertEquals(400_000_000L, rayon.size());
    assertTrue(py.calibrated() && rayon.calibrated());
    assertEquals(2.0, rayon.at(2).speedup(), 1e-12);
    assertEquals("new per call", py.threadsBetweenCalls());
    assertEquals("reused", rayon.threadsBetweenCalls());
    String md = FakeRuns.summaryWith(run,
        "### Speedup vs 1 thread at each implementation's calibrated size",
        "at least 100 ms",
        "| `rust/rayon` | idiomatic | reused | 400,000,000 (calibrated) | 34.0 ms | 1.00x (100%) | 2.00x [2.00x, 2.00x] (100%) |",
        "| `python/threads` | naive | new per call | 4,000,000 (calibrated) |");
    // the times tables keep to the common size; the calibrated sizes are in the speedup table
    assertEquals(List.of(100_000L), table(run, "parallel").sizes());
    assertTrue(table(run, "parallel").allSizes().containsAll(List.of(100_000L, 4_000_000L, 400_000_000L)));
    assertTrue(md.contains("| implementation | kind | 100,000 |"), md);
    String console = org.polybench.harness.report.ConsoleSummary.render(run);
    assertTrue(console.contains("parallel: speedup vs 1 thread [95% CI], each at its calibrated size (n)"), console);
    assertTrue(console.lines().anyMatch(l -> l.matches("\\s*rust/rayon\\s+reused\\s+400,000,000\\s+1\\.00x\\s+2\\.00x \\[2\\.00x, 2\\.00x\\]\\s+2\\.00x \\[2\\.00x, 2\\.00x\\]\\s*")), console);
  }

  @Test
  void aCalibratedSizeWithoutASecondThreadCountFallsBackToTheLargestSweptSize() {
    RunRecord run = calibratedSweep();
    List<CellResult> ms = new ArrayList<>(run.measurements());
    ms.removeIf(m -> m.implementation().equals("rust/rayon") && m.size() == 400_000_000L && m.threads() > 1);
    RunRecord partial = new RunRecord(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(), run.commandLine(),
        run.settings(), run.environment(), ms);
    ThreadScaling s = ThreadScaling.of(partial, table(partial, "parallel")).orElseThrow();
    ThreadScaling.Line rayon = s.lines().stream().filter(l -> l.implementation().equals("rust/rayon")).findFirst().orElseThrow();
    assertEquals(4_000_000L, rayon.size());
    assertFalse(rayon.calibrated());
  }

  @Test
  void speedupsPrintWithThreeDigits() {
    assertEquals("1.93x", ThreadScaling.speedup(1.934));
    assertEquals("0.568x", ThreadScaling.speedup(0.5678));
    assertEquals("n/a", ThreadScaling.speedup(Double.NaN));
    assertEquals("97%", ThreadScaling.efficiency(0.967));
  }
}
