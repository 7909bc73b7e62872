package org.polybench.harness.cli;

import static org.polybench.harness.cli.Bench.bench;

import org.polybench.harness.cli.Bench.Result;

import org.polybench.harness.view.Shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.UserError;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.plan.Planner;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.plan.SizeGuard;
import org.polybench.harness.plan.TestCatalogue;
import org.polybench.harness.workload.Workloads;

/** Issue 15, faults 3 and 6: sizes that cannot run, and the CLI's words. Each fails on the code before the fix. */
class FirstWeekFaultsTest {

  @Test
  void sizeBeyondAnyRunnerIsTooLargeNotBad() {
    for (String s : List.of("1e19", "1e16")) {
      Result r = bench("run", "--sizes", s, "--no-build");
      assertEquals(2, r.exit());
      assertTrue(r.err().contains("too large"), r.err());
      assertFalse(r.err().contains("bad size"), r.err());
    }
  }

  @Test
  void tokenizeTooLargeIsRefusedUpFront() {
    Result r = bench("run", "--workloads", "tokenize", "--sizes", "1e10", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("too large for tokenize"), r.err());
  }

  private static Cell cell(String workload, String language, String variant, long size) {
    Implementation impl = new Implementation(language, variant, Implementation.Kind.NAIVE, Map.of(workload, "d"), language, false, Map.of());
    return new Cell(Workloads.find(workload).orElseThrow(), impl, size, 1);
  }

  private static Plan plan(Cell... cells) {
    return new Plan(List.of(cells), new Settings(42, 3, 20, false, Duration.ofMinutes(10), Settings.WARMUP_WORK, 3));
  }

  @Test
  void noSizeGuardForSizesThatDoNotFitInMemory() {
    long gb24 = 24_000_000_000L;
    // docs/workloads.md: dot reads two float64 vectors, 16 bytes per element in Rust; 1e10 elements are 160 GB
    UserError e = assertThrows(UserError.class, () -> SizeGuard.check(plan(cell("dot", "rust", "naive", 10_000_000_000L)), gb24));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("dot rust/naive at 10,000,000,000 needs about 160 GB"), e.getMessage());
    // (24 GB - the runtime's 256 MiB) / 16 bytes = 1.48e9, offered as a size people type
    assertTrue(e.getMessage().contains("the largest size that fits is 1,400,000,000"), e.getMessage());
    // what fits passes; parallel holds no data at any size
    SizeGuard.check(plan(cell("dot", "rust", "naive", 1_000_000_000L), cell("parallel", "rust", "threads", 1_000_000_000_000L)), gb24);
    // Python lists cost far more per element than arrays
    assertThrows(UserError.class, () -> SizeGuard.check(plan(cell("dot", "python", "pure", 1_000_000_000L)), gb24));
  }

  @Test
  void duplicateSizesMakeOneCell() {
    PlanRequest req = new PlanRequest(List.of("dot"), List.of("rust/naive"), List.of(), List.of(1000L, 1000L, 10L), List.of(), false, 42,
        null, null, null);
    Plan p = Planner.expand(req, TestCatalogue.standard());
    assertEquals(List.of(1000L, 10L), p.cells().stream().map(Cell::size).toList());
  }

  @Test
  void wholeNumberOptionsSpeakNoJavaJargon() {
    Result r = bench("run", "--iterations", "0.5", "--no-build");
    assertEquals(2, r.exit());
    assertFalse(r.err().contains("is not an int") || r.err().contains("is not a long"), r.err());
    assertTrue(r.err().contains("'0.5' is not a whole number"), r.err());
    assertTrue(bench("run", "--timeout", "ten", "--no-build").err().contains("'ten' is not a whole number"));
  }

  @Test
  void mistypedCommandOrOptionGetsASuggestion() {
    Result r = bench("rum");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Did you mean: bench run?"), r.err());
    r = bench("run", "--quik");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--quick"), r.err());
    Result none = bench();
    assertEquals(1, none.err().split("--help", -1).length - 1, "(see ./bench --help) once: " + none.err());
  }

  @Test
  void noShellCompletion() {
    Result r = bench("completion");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("complete -F") && r.out().contains("run") && r.out().contains("--quick"), r.out());
  }

  @Test
  void runLineOfHelpIsNotCutOff() {
    String help = bench("--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("run Measures every cell in fresh processes, verifies each answer, writes results.json, summary.md, charts."), help);
  }

  @Test
  void runHeaderNamesThePlansWarmupWorkAndOneProcess() {
    Plan p = new Plan(List.of(cell("tokenize", "rust", "native", 1000)),
        new Settings(42, 3, 20, false, Duration.ofMinutes(10), Settings.WARMUP_WORK, 1));
    String h = RunCommand.header("id", p, null, Path.of("/tmp/x"));
    assertTrue(h.contains("in 1 fresh process;"), h);
    assertFalse(h.contains("dot/normalize") || h.contains("dot:"), h);
    assertTrue(h.contains("tokenize: "), h);
    assertTrue(h.contains(String.format("%,d bytes", Math.min(Settings.WARMUP_WORK, Workloads.find("tokenize").orElseThrow().warmupWork()))), h);
  }

  @Test
  void commandLinesAreShellQuotedToCopy() {
    assertEquals("./bench run --corpus 'my file.txt' --out '`x`' 'it'\\''s'",
        Shell.join(List.of("./bench", "run", "--corpus", "my file.txt", "--out", "`x`", "it's")));
    assertEquals("''", Shell.quote(""));
  }
}
