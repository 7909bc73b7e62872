package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.stats.Bootstrap;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import org.polybench.harness.store.Verification;

/** Factors and speedups carry the bootstrap's 95% interval, and it covers the true ratio of known distributions. */
class RatiosTest {
  /** A verified cell of {@code processes} processes of {@code n} samples each, lognormal around {@code medianNs} (sigma 0.1). */
  private static CellResult lognormal(String impl, long size, double medianNs, int processes, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Invocation> inv = new ArrayList<>();
    for (int p = 1; p <= processes; p++) {
      List<Long> s = new ArrayList<>();
      for (int i = 0; i < n; i++) s.add(Math.round(medianNs * Math.exp(0.1 * gaussian(rnd))));
      inv.add(Invocation.succeeded(p, 1_000_000L, List.of(), s, 1L, "1.0", "float", Map.of(), null));
    }
    String[] id = impl.split("/");
    return CellResult.of("dot", id[0], id[1], size, 1, Status.OK, null, List.of(), inv, new Verification("1.0", "float", "1.0", true, null));
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: two uniforms in (0, 1] to one standard normal
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  @Test
  void theIntervalCoversTheTrueRatioOfKnownDistributionsAbout95PercentOfTheTime() {
    // the true ratio of the medians is 3: a 95% interval must cover it in most of 100 independent experiments
    int covered = 0;
    for (int k = 0; k < 100; k++) {
      CellResult slow = lognormal("python/pure", 1000, 3_000_000, 3, 20, 1000 + k);
      CellResult fast = lognormal("rust/naive", 1000, 1_000_000, 3, 20, 5000 + k);
      Bootstrap.Interval i = Ratios.of(slow, fast);
      assertTrue(i.low() <= i.estimate() && i.estimate() <= i.high(), i.toString());
      if (i.contains(3.0)) covered++;
    }
    assertTrue(covered >= 85, "covered the true ratio in " + covered + " of 100");
    // and it is an interval, not the point: sigma 0.1 over 60 samples leaves a few percent either side
    Bootstrap.Interval one = Ratios.of(lognormal("python/pure", 1000, 3_000_000, 3, 20, 1), lognormal("rust/naive", 1000, 1_000_000, 3, 20, 2));
    assertTrue(one.high() - one.low() > 0.03 && one.high() - one.low() < 0.6, one.toString());
  }

  @Test
  void theFactorColumnShowsTheIntervalAndTheFastestShowsOne() {
    CellResult slow = lognormal("python/pure", 1000, 146_000, 3, 20, 11);
    CellResult fast = lognormal("rust/naive", 1000, 1_000, 3, 20, 12);
    RunRecord run = new RunRecord(2, "r", "2026-01-01T00:00:00Z", null, List.of(), Map.of(), Map.of(), List.of(slow, fast));
    WorkloadTable t = WorkloadTable.of(run, "dot").orElseThrow();
    WorkloadTable.Row py = t.rows().stream().filter(r -> r.implementation().equals("python/pure")).findFirst().orElseThrow();
    WorkloadTable.Row rs = t.rows().stream().filter(r -> r.implementation().equals("rust/naive")).findFirst().orElseThrow();
    assertNull(t.factorInterval(rs, 1000), "the fastest's factor is 1 by definition");
    assertEquals("1.0x", Cells.factor(t, rs, 1000));
    Bootstrap.Interval i = t.factorInterval(py, 1000);
    assertSame(i, t.factorInterval(py, 1000), "resampled once, then remembered");
    String text = Cells.factor(t, py, 1000);
    assertTrue(text.matches("1\\d\\dx \\[1\\d\\dx, 1\\d\\dx\\]"), text);
    assertTrue(i.low() < 146 && 146 < i.high(), i.toString());
  }

  @Test
  void ratiosKeepThreeDigitsBelowAHundred() {
    assertEquals("1.03x", Ratios.ratio(1.0312));
    assertEquals("0.981x", Ratios.ratio(0.9812));
    assertEquals("37.2x", Ratios.ratio(37.24));
    assertEquals("146x", Ratios.ratio(146.4));
    assertEquals("1.03x [0.981x, 1.09x]", Ratios.withInterval(new Bootstrap.Interval(1.0312, 0.9812, 1.0901, 0.95, 2000)));
  }

  @Test
  void summaryAndConsoleShowFactorsWithIntervals() {
    String md = FakeRuns.summaryWith(FakeRuns.small(), "with its 95% confidence interval in brackets");
    assertTrue(md.matches("(?s).*\\| \\d+x \\[\\d+x, \\d+x\\] \\|.*"), md);
    String console = org.polybench.harness.report.ConsoleSummary.render(FakeRuns.small());
    assertTrue(console.contains("factor vs fastest [95% CI]"), console);
  }
}
