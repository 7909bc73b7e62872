package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.lang.GraalPyLanguage;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;

/** The warm-up chart and start-up table of python/graalpy, from a fake run; and how graalpy is routed. */
class WarmupChartTest {

  /** A verified cell with its warm-up iterations, runtime and extra. */
  static CellResult cell(String impl, long size, List<Long> warmup, List<Long> samples, Map<String, Object> runtime, Map<String, Object> extra) {
    CellResult m = FakeRuns.ok("dot", impl, size, samples);
    Invocation i = m.invocations().get(0);
    return m.withInvocations(List.of(
        Invocation.succeeded(1, i.wallNs(), warmup, i.samplesNs(), i.peakRssBytes(), i.checksum(), i.checksumKind(), runtime, extra)));
  }

  static List<Long> falling(long from, long to, int n) {
    return LongStream.range(0, n).map(i -> Math.max(to, from >> i)).boxed().toList();
  }

  static RunRecord run(boolean withGraalPy) {
    List<CellResult> ms = new ArrayList<>();
    for (long size : List.of(1_000L, 1_000_000L)) {
      int warm = size == 1_000 ? 5_000 : 20;
      long f = size / 1_000;
      if (withGraalPy) {
        ms.add(cell("python/graalpy", size, falling(2_000_000_000L / 1000 * f, 40_000L * f, warm), List.of(40_000L * f, 41_000L * f, 39_000L * f),
            Map.of("name", "GraalPy", "compilation", "jit"), Map.of("context_startup_ns", 3_200_000_000L, "import_ns", 3_500_000_000L)));
      }
      ms.add(cell("python/pure", size, List.of(27_000L * f, 26_000L * f), List.of(26_000L * f, 26_500L * f, 26_200L * f), Map.of("name", "CPython"), null));
      ms.add(cell("java/scalar", size, falling(3_000L * f, 900L * f, warm), List.of(880L * f, 900L * f, 890L * f), Map.of(), null));
    }
    return new RunRecord(1, "warm", "2025-11-23T20:29:00Z", null, List.of(), Map.of(), FakeRuns.environment(), ms);
  }

  @Test
  void theImplementationsDrawnComeFromTheCellsNotFromAList() {
    List<CellResult> ms = new ArrayList<>(run(true).measurements());
    ms.add(cell("python/graalpy-loop", 1_000_000, List.of(9L, 8L), List.of(7L, 7L, 7L),
        Map.of("name", "GraalPy", "compilation", "jit", "python_variant", "loop"), null));
    ms.add(cell("python/loop", 1_000_000, List.of(9L, 8L), List.of(8L, 8L, 8L), Map.of("name", "CPython"), null));
    ms.add(cell("java/vector", 1_000_000, List.of(9L, 8L), List.of(2L, 2L, 2L), Map.of(), null));
    ms.add(cell("rust/naive", 1_000_000, List.of(9L, 8L), List.of(1L, 1L, 1L), Map.of(), null));
    RunRecord r = new RunRecord(1, "warm", "2025-11-23T20:29:00Z", null, List.of(), Map.of(), FakeRuns.environment(), ms);
    org.polybench.harness.view.WorkloadTable t = org.polybench.harness.view.WorkloadTable.of(r).get(0);
    // each GraalPy variant beside the CPython variant running its code, then the JVM's Java; no Rust
    assertEquals(List.of("python/graalpy", "python/pure", "python/graalpy-loop", "python/loop", "java/scalar", "java/vector"),
        WarmupChart.implementations(t, 1_000_000));
    assertEquals(List.of(), WarmupChart.implementations(org.polybench.harness.view.WorkloadTable.of(run(false)).get(0), 1_000_000));
  }

  @Test
  @Timeout(60)
  void drawsGraalPyBesideCPythonAndJavaAtTheLargestSize(@TempDir Path dir) throws Exception {
    List<Path> files = new WarmupChart().render(run(true), dir);
    assertEquals(List.of(dir.resolve("dot-warmup.png"), dir.resolve("dot-warmup.svg")), files);
    WorkloadTable t = WorkloadTable.of(run(true), "dot").orElseThrow();
    assertEquals(1_000_000L, WarmupChart.size(t));
    List<WarmupChart.Trace> traces = WarmupChart.traces(t);
    assertEquals(List.of("python/graalpy", "python/pure", "java/scalar"), traces.stream().map(WarmupChart.Trace::implementation).toList());
    assertTrue(traces.get(0).label().startsWith("python/graalpy (JIT)"), traces.get(0).label());
    assertEquals(20, traces.get(0).warmupNs().size());
    String svg = Files.readString(dir.resolve("dot-warmup.svg"));
    assertTrue(svg.contains("run warm"), "footer in the SVG");
  }

  @Test
  @Timeout(60)
  void thousandsOfWarmupIterationsDrawToo(@TempDir Path dir) throws Exception {
    // only the 1e3 cells: 5000 warm-up iterations on the x axis
    RunRecord small = run(true);
    small = new RunRecord(1, "warm", small.startedAt(), null, List.of(), Map.of(), small.environment(),
        small.measurements().stream().filter(m -> m.size() == 1_000).toList());
    assertEquals(2, new WarmupChart().render(small, dir).size());
  }

  @Test
  void aCellOfSeveralProcessesIsDrawnFromItsFirstProcess() {
    CellResult m = cell("python/graalpy", 1000, List.of(9L, 8L, 7L, 90L, 80L, 70L), List.of(5L, 5L, 6L, 6L), Map.of("compilation", "jit"), null);
    CellResult two = m.withInvocations(List.of(
        Invocation.succeeded(1, 1L, List.of(9L, 8L, 7L), List.of(5L, 5L), null, "1.0", "float", m.runtime(), null),
        Invocation.succeeded(2, 1L, List.of(90L, 80L, 70L), List.of(6L, 6L), null, "1.0", "float", m.runtime(), null)));
    WarmupChart.Trace t = WarmupChart.firstProcess("python/graalpy", two);
    assertEquals(List.of(9L, 8L, 7L), t.warmupNs());
    assertEquals(List.of(5L, 5L), t.samplesNs());
    assertEquals(2, t.processes());
  }

  @Test
  void interpreterOnlyIsNeverLabelledJit() {
    CellResult m = cell("python/graalpy", 1000, List.of(5L), List.of(5L), Map.of("compilation", "interpreter"), null);
    assertTrue(WarmupChart.label(m).startsWith("python/graalpy (interpreter only)"), WarmupChart.label(m));
  }

  @Test
  void noChartWithoutGraalPy(@TempDir Path dir) throws Exception {
    assertTrue(new WarmupChart().render(run(false), dir).isEmpty());
    assertNull(WarmupChart.build(WorkloadTable.of(run(false), "dot").orElseThrow()));
  }

  @Test
  void summaryShowsTheContextStartUpApart() {
    String md = FakeRuns.summaryWith(run(true),
        "### Start-up outside the timings",
        "| `python/graalpy` | 1,000,000 | 3.20 s | 3.50 s | jit |");
    assertFalse(SummaryMarkdown.render(run(false), List.of()).contains("Start-up outside the timings"));
  }

  @Test
  void graalPyRunnerStartsTheJvmWithTruffleAndTheModulePath() {
    // that python/graalpy is language python run by this runner is the runners' word: e2e.CatalogueTest
    var lang = Languages.find("graalpy").orElseThrow();
    assertTrue(lang instanceof GraalPyLanguage);
    var project = new org.polybench.harness.Project(Path.of("/repo"));
    List<String> cmd = lang.command(project, new org.polybench.harness.protocol.RunnerArgs("dot", "graalpy", 1000, 1, 2, 3, 42, null));
    assertTrue(cmd.containsAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
        "--upgrade-module-path=/repo/graalpy/target/compiler", "--module-path=/repo/graalpy/target/lib",
        "-Dpolybench.python.path=/repo/python-workloads", "org.polybench.graalpy.GraalPyRunner")), cmd.toString());
    assertEquals(List.of("--variant", "graalpy"), cmd.subList(cmd.indexOf("--variant"), cmd.indexOf("--variant") + 2));
  }
}
