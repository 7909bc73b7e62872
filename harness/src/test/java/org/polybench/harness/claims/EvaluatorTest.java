package org.polybench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/** Verdicts from runs built in code, whose true ratios are known. */
class EvaluatorTest {
  private static final Registry REG = Registry.builtIn();

  private static Outcome outcome(String id, RunRecord run) {
    return Evaluator.evaluate(REG.find(id), run);
  }

  @Test
  void aThreeHundredfoldSlowdownSupportsTensToHundredsAndOrdersOfMagnitude() {
    RunRecord run = ClaimRuns.run(ClaimRuns.vectors(300));
    Outcome loops = outcome("loops-tens-to-hundreds", run);
    assertEquals(Verdict.SUPPORTED, loops.verdict(), loops.reason());
    assertEquals(2, loops.estimates().size(), "dot and normalize, python/pure over the fastest rust");
    for (Estimate e : loops.estimates()) {
      assertTrue(e.label().endsWith("python/pure / rust/optimized"), "the fastest rust variant is the denominator: " + e.label());
      assertTrue(e.low() < 300 && 300 < e.high(), "the CI covers the true ratio 300: " + e.text());
    }
    assertTrue(loops.missing().stream().allMatch(Missing::optional), "python/loop is noted, not required: " + loops.missing());
    assertTrue(loops.reason().contains("python/loop"), loops.reason());
    assertEquals(Verdict.SUPPORTED, outcome("orders-of-magnitude", run).verdict());
    assertEquals(Verdict.SUPPORTED, outcome("numpy-closes-gap", run).verdict(), "numpy at 1.5x rust");
    Outcome atBound = outcome("orders-of-magnitude", ClaimRuns.run(ClaimRuns.vectors(100)));
    assertEquals(Verdict.INCONCLUSIVE, atBound.verdict(), "a true ratio of exactly 100 straddles the bound: " + atBound.reason());
  }

  @Test
  void aFivefoldSlowdownRefutesBoth() {
    RunRecord run = ClaimRuns.run(ClaimRuns.vectors(5));
    Outcome loops = outcome("loops-tens-to-hundreds", run);
    assertEquals(Verdict.REFUTED, loops.verdict(), loops.reason());
    assertEquals(Verdict.REFUTED, outcome("orders-of-magnitude", run).verdict());
  }

  @Test
  void anIntervalAcrossABoundIsInconclusive() {
    List<CellResult> ms = new ArrayList<>(ClaimRuns.vectors(100));
    ms.removeIf(m -> m.workload().equals("dot") && m.implementation().equals("python/pure"));
    // 10x with a 30% spread: the interval of the ratio straddles the bound at 10
    ms.add(ClaimRuns.cell("dot", "python/pure", 1_000_000, 1, 5_000_000, 0.3, Map.of()));
    Outcome loops = outcome("loops-tens-to-hundreds", ClaimRuns.run(ms));
    assertEquals(Verdict.INCONCLUSIVE, loops.verdict(), loops.reason());
    assertTrue(loops.reason().contains("straddles"), loops.reason());
    assertTrue(loops.headline().label().startsWith("dot"), "the straddling estimate is the headline: " + loops.headline().label());
  }

  @Test
  void aMissingOrUnverifiedCellMakesItInconclusiveAndSaysWhich() {
    List<CellResult> ms = new ArrayList<>(ClaimRuns.vectors(100));
    ms.removeIf(m -> m.workload().equals("normalize"));
    Outcome noNormalize = outcome("loops-tens-to-hundreds", ClaimRuns.run(ms));
    assertEquals(Verdict.INCONCLUSIVE, noNormalize.verdict());
    assertTrue(noNormalize.reason().contains("no normalize cells in this run"), noNormalize.reason());

    List<CellResult> bad = new ArrayList<>(ClaimRuns.vectors(100));
    int i = bad.indexOf(bad.stream().filter(m -> m.workload().equals("normalize") && m.implementation().equals("rust/optimized")).findFirst().orElseThrow());
    bad.set(i, ClaimRuns.invalid(bad.get(i)));
    bad.removeIf(m -> m.workload().equals("normalize") && m.implementation().equals("rust/naive"));
    Outcome invalid = outcome("loops-tens-to-hundreds", ClaimRuns.run(bad));
    assertEquals(Verdict.INCONCLUSIVE, invalid.verdict());
    assertTrue(invalid.reason().contains("rust/* at n=1,000,000 is invalid"), invalid.reason());
  }

  @Test
  void claimsWhoseCellsAreMissingOrNotImplementedYetAreInconclusiveWithThatReason() {
    RunRecord run = ClaimRuns.run(ClaimRuns.vectors(100));
    Outcome startup = outcome("startup", run);
    assertEquals(Verdict.INCONCLUSIVE, startup.verdict());
    // startup and binary-trees exist now: a run without them says which run would measure them
    assertTrue(startup.reason().contains("no startup cells in this run (./bench run --workloads startup)"), startup.reason());
    assertNull(startup.headline(), "no stand-in estimate");
    Outcome gc = outcome("gc-pauses", run);
    assertTrue(gc.reason().contains("no binary-trees cells in this run"), gc.reason());
    Outcome mem = outcome("memory-efficiency", run);
    assertEquals(Verdict.INCONCLUSIVE, mem.verdict());
    assertTrue(mem.reason().contains("no baseline RSS"), "peak RSS alone is not used: " + mem.reason());

    List<CellResult> tok = new ArrayList<>(ClaimRuns.vectors(100));
    tok.add(ClaimRuns.cell("tokenize", "python/hf-tokenizers", 1_000_000, 300_000_000));
    tok.add(ClaimRuns.cell("tokenize", "python/pure", 1_000_000, 150_000_000));
    Outcome hf = outcome("hf-tokenizers", ClaimRuns.run(tok));
    assertEquals(Verdict.INCONCLUSIVE, hf.verdict());
    assertTrue(hf.reason().contains("python/transformers-slow is not implemented yet"), "our python/pure is no stand-in: " + hf.reason());
  }

  @Test
  void speedupsAtTheCoreCountAnswerTheThreadClaims() {
    // FakeRuns.environment() has 16 logical cores
    List<CellResult> ms = new ArrayList<>();
    Map<String, Object> gil = Map.of("gil_enabled", true);
    ms.add(ClaimRuns.cell("parallel", "python/threads", 4_000_000, 1, 1_000_000_000, 0.02, gil));
    ms.add(ClaimRuns.cell("parallel", "python/threads", 4_000_000, 16, 1_050_000_000, 0.02, gil));
    ms.add(ClaimRuns.cell("parallel", "rust/threads", 4_000_000, 1, 16_000_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "rust/threads", 4_000_000, 16, 1_100_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "rust/rayon", 4_000_000, 1, 16_000_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "rust/rayon", 4_000_000, 16, 4_000_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "python/processes", 4_000_000, 1, 1_000_000_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "python/processes", 4_000_000, 2, 520_000_000, 0.02, Map.of()));
    RunRecord run = ClaimRuns.run(ms);
    Outcome g = outcome("gil-threads", run);
    assertEquals(Verdict.SUPPORTED, g.verdict(), g.reason());
    assertEquals(16, g.headline().threads());
    Outcome r = outcome("rust-true-parallelism", run);
    assertEquals(Verdict.INCONCLUSIVE, r.verdict(), "rust/threads 14.5x is inside >= 12, rayon 4x is outside: " + r.reason());
    assertTrue(r.reason().startsWith("the cells disagree") && r.headline().label().contains("rust/rayon"), "the miss is the headline: " + r.reason());
    assertEquals(new ClaimSpec.Range(12.0, null), r.range(), "0.75 x 16 cores");
    Outcome p = outcome("multiprocessing-workaround", run);
    assertEquals(Verdict.INCONCLUSIVE, p.verdict());
    assertTrue(p.reason().contains("not measured at T = 16"), p.reason());
    Outcome ft = outcome("free-threading", run);
    assertEquals(Verdict.INCONCLUSIVE, ft.verdict());
    assertTrue(ft.reason().contains("no free-threaded build"), ft.reason());

    ms.add(ClaimRuns.cell("parallel", "python/threads", 2_000_000, 1, 500_000_000, 0.02, Map.of("gil_enabled", false)));
    ms.add(ClaimRuns.cell("parallel", "python/threads", 2_000_000, 16, 40_000_000, 0.02, Map.of("gil_enabled", false)));
    Outcome ft2 = outcome("free-threading", ClaimRuns.run(ms));
    assertEquals(Verdict.SUPPORTED, ft2.verdict(), "12.5x >= 0.6 x 16: " + ft2.reason());
    assertEquals(Verdict.SUPPORTED, outcome("gil-threads", ClaimRuns.run(ms)).verdict(), "the GIL cells alone answer gil-threads");

    // ./bench run --free-threaded: the free-threaded interpreter's variants carry the -ft suffix
    ms.subList(ms.size() - 2, ms.size()).clear();
    ms.add(ClaimRuns.cell("parallel", "python/threads-ft", 2_000_000, 1, 500_000_000, 0.02, Map.of("gil_enabled", false)));
    ms.add(ClaimRuns.cell("parallel", "python/threads-ft", 2_000_000, 16, 40_000_000, 0.02, Map.of("gil_enabled", false)));
    Outcome ft3 = outcome("free-threading", ClaimRuns.run(ms));
    assertEquals(Verdict.SUPPORTED, ft3.verdict(), "python/threads-ft 12.5x >= 0.6 x 16: " + ft3.reason());
    assertTrue(ft3.headline().label().contains("python/threads-ft"), ft3.headline().label());
  }

  @Test
  void theCrossoverIsWhereTheRatioPassesEachThreshold() {
    // pure = 1000 n ns, rust-ext = 10 us flat: the ratio is n / 10, crossing 1x at n = 10 and 10x at n = 100
    List<CellResult> ms = new ArrayList<>();
    for (long n : List.of(1L, 3L, 30L, 300L, 3000L)) {
      ms.add(ClaimRuns.cell("dot", "python/pure", n, 1, 1000.0 * n, 0.01, Map.of()));
      ms.add(ClaimRuns.cell("dot", "python/rust-ext", n, 1, 10_000, 0.01, Map.of()));
    }
    Outcome o = outcome("ffi-crossover", ClaimRuns.run(ms));
    assertEquals(Verdict.FINDING, o.verdict());
    Crossing one = o.crossings().stream().filter(c -> c.numerator().equals("python/pure") && c.threshold() == 1).findFirst().orElseThrow();
    Crossing ten = o.crossings().stream().filter(c -> c.numerator().equals("python/pure") && c.threshold() == 10).findFirst().orElseThrow();
    assertEquals(10, one.size(), 0.6);
    assertEquals(100, ten.size(), 6);
    assertNotNull(one.low());
    assertTrue(one.low() <= one.size() && one.size() <= one.high() && one.high() < 30, one.text());
    assertTrue(o.missing().stream().anyMatch(m -> m.what().contains("python/numpy")), "numpy was not measured: " + o.missing());
    assertTrue(VerdictTable.estimate(o).contains("1x at n ≈ 10"), VerdictTable.estimate(o));
  }

  @Test
  void crossingsInterpolateOnLogAxesAndReportNoneWhenTheSideNeverChanges() {
    assertEquals(10, Crossing.firstCrossing(List.of(1L, 100L), new double[] {0.1, 10}, 1), 1e-9);
    assertNull(Crossing.firstCrossing(List.of(1L, 100L), new double[] {2, 10}, 1));
    assertEquals(1000, Crossing.firstCrossing(List.of(100L, 10_000L), new double[] {4, 0.25}, 1), 1e-6, "a falling ratio too");
  }
}
