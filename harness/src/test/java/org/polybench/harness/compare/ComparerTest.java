package org.polybench.harness.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.UserError;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/** Verdicts: both significance (corrected) and a change beyond the threshold; bad input refused. */
class ComparerTest {
  private static final CellKey SLOW = new CellKey("dot", "python/numpy", 100_000, 1);

  private static Comparison compare(RunRecord a, RunRecord b) {
    return Comparer.compare(a, "a", b, "b", Comparison.Options.defaults());
  }

  @Test
  void twoRunsOfTheSameCodeShowNoChange() {
    Comparison c = compare(CompareRuns.run("a", 1), CompareRuns.run("b", 2));
    assertEquals(12, c.changes().size());
    assertTrue(c.changes().stream().allMatch(x -> x.verdict() == Verdict.NO_CHANGE), c.changes().toString());
    assertEquals(0, c.exitCode());
    for (CellChange x : c.changes()) {
      assertTrue(x.ratioLow() <= x.ratio() && x.ratio() <= x.ratioHigh(), x.toString());
      assertTrue(Math.abs(x.ratio() - 1) < 0.03, x.toString());
    }
  }

  @Test
  void oneCellSlowerByHalfIsTheOneRegression() {
    Comparison c = compare(CompareRuns.run("a", 1), CompareRuns.run("b", 2, 20, k -> k.equals(SLOW) ? 1.5 : 1.0));
    assertEquals(List.of(SLOW), c.regressions().stream().map(CellChange::cell).toList());
    CellChange x = c.regressions().get(0);
    assertTrue(x.ratio() > 1.4 && x.ratio() < 1.6, x.toString());
    assertTrue(x.ratioLow() > 1.05, "the interval excludes the threshold: " + x);
    assertEquals(1, c.exitCode());
    assertTrue(ComparisonFormat.outcome(c).contains("dot python/numpy 100,000"), ComparisonFormat.outcome(c));
  }

  @Test
  void aCellTwiceAsFastIsFasterAndNoRegression() {
    Comparison c = compare(CompareRuns.run("a", 1), CompareRuns.run("b", 2, 20, k -> k.equals(SLOW) ? 0.5 : 1.0));
    assertEquals(List.of(SLOW), c.improvements().stream().map(CellChange::cell).toList());
    assertEquals(0, c.exitCode());
  }

  @Test
  void aSignificantChangeBelowTheThresholdIsNoChange() {
    // 3% slower with 200 samples: clearly significant, but under the 5% threshold
    Comparison c = compare(CompareRuns.run("a", 1, 200, k -> 1.0), CompareRuns.run("b", 2, 200, k -> k.equals(SLOW) ? 1.03 : 1.0));
    CellChange x = c.changes().stream().filter(y -> y.cell().equals(SLOW)).findFirst().orElseThrow();
    assertTrue(x.pAdjusted() < 0.05, x.toString());
    assertEquals(Verdict.NO_CHANGE, x.verdict());
    Comparison strict = Comparer.compare(CompareRuns.run("a", 1, 200, k -> 1.0), "a",
        CompareRuns.run("b", 2, 200, k -> k.equals(SLOW) ? 1.03 : 1.0), "b",
        new Comparison.Options(0.02, 0.05, Comparison.Correction.HOLM, false));
    assertEquals(List.of(SLOW), strict.regressions().stream().map(CellChange::cell).toList());
  }

  @Test
  void aLargeChangeOnTooFewSamplesIsNotSignificantAfterTheCorrection() {
    // 3 vs 3 samples: the smallest two-sided Mann-Whitney p is ~0.05, above 0.05/12 after Holm
    Comparison c = compare(CompareRuns.run("a", 1, 3, k -> 1.0), CompareRuns.run("b", 2, 3, k -> k.equals(SLOW) ? 1.5 : 1.0));
    CellChange x = c.changes().stream().filter(y -> y.cell().equals(SLOW)).findFirst().orElseThrow();
    assertTrue(x.ratio() > 1.4, x.toString());
    assertEquals(Verdict.NO_CHANGE, x.verdict());
    assertTrue(x.pAdjusted() >= x.pValue());
  }

  @Test
  void holmMatchesTheDefinition() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, MultipleTesting.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    assertArrayEquals(new double[] {0.04, 0.16, 0.12, 0.02}, MultipleTesting.bonferroni(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    assertArrayEquals(new double[] {1.0, 1.0}, MultipleTesting.holm(new double[] {0.6, 0.9}), 1e-12);
  }

  @Test
  void unverifiedAndFailedCellsAreListedNeverCompared() {
    RunRecord a = CompareRuns.run("a", 1);
    RunRecord b = CompareRuns.run("b", 2, 20, k -> k.equals(SLOW) ? 1.5 : 1.0);
    List<CellResult> ms = new ArrayList<>(b.measurements());
    ms.replaceAll(m -> CellKey.of(m).equals(SLOW)
        ? FakeRuns.invalid("dot", "python/numpy", 100_000, "checksum 1.5 differs from the reference 1.0", m.samplesNs()) : m);
    ms.add(FakeRuns.ok("normalize", "rust/naive", 1_000, List.of(1L, 2L, 3L)));
    Comparison c = compare(a, CompareRuns.record("b", ms, b.environment()));
    assertEquals(0, c.exitCode(), "an invalid cell is not a regression, whatever its time");
    assertEquals(List.of(SLOW), c.notCompared().stream().map(NotCompared::cell).toList());
    assertTrue(c.notCompared().get(0).reason().startsWith("invalid in new"), c.notCompared().get(0).reason());
    assertEquals(11, c.changes().size());
    assertEquals(List.of(new CellKey("normalize", "rust/naive", 1_000, 1)), c.onlyInNew());
  }

  @Test
  void differentSeedsAreRefused() {
    UserError e = assertThrows(UserError.class, () -> compare(CompareRuns.run("a", 1), CompareRuns.withSetting(CompareRuns.run("b", 2), "seed", 7)));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("different seeds (base 42, new 7)"), e.getMessage());
  }

  @Test
  void differentMachinesAreRefusedUnlessAllowed() {
    RunRecord other = CompareRuns.onMachine(CompareRuns.run("b", 2), "Apple M2");
    UserError e = assertThrows(UserError.class, () -> compare(CompareRuns.run("a", 1), other));
    assertTrue(e.getMessage().contains("different machines") && e.getMessage().contains("--allow-different-machines"), e.getMessage());
    Comparison c = Comparer.compare(CompareRuns.run("a", 1), "a", other, "b", new Comparison.Options(0.05, 0.05, Comparison.Correction.HOLM, true));
    assertTrue(c.notes().get(0).contains("cpu_model AMD EPYC 7B13 64-Core Processor vs Apple M2"), c.notes().toString());
  }

  @Test
  void runsSharingNoCellAreRefused() {
    RunRecord b = CompareRuns.record("b", List.of(FakeRuns.ok("normalize", "rust/naive", 1_000, List.of(1L, 2L, 3L))), FakeRuns.environment());
    UserError e = assertThrows(UserError.class, () -> compare(CompareRuns.run("a", 1), b));
    assertTrue(e.getMessage().contains("share no cell"), e.getMessage());
  }
}
