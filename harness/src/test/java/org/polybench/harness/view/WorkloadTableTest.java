package org.polybench.harness.view;

import org.polybench.harness.report.FakeRuns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.store.RunRecord;

class WorkloadTableTest {
  private static WorkloadTable table(RunRecord run, String workload) {
    return WorkloadTable.of(run, workload).orElseThrow();
  }

  private static WorkloadTable.Row row(WorkloadTable t, String label) {
    return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void workloadsInRegistryOrderThenUnknown() {
    List<String> names = WorkloadTable.of(FakeRuns.small()).stream().map(WorkloadTable::workload).toList();
    assertEquals(List.of("dot", "normalize", "tokenize"), names);
  }

  @Test
  void rowsInRegistryOrderWithKinds() {
    WorkloadTable dot = table(FakeRuns.small(), "dot");
    assertEquals(List.of(1_000L, 1_000_000L), dot.sizes());
    assertEquals(
        List.of("python/pure", "python/numpy", "rust/optimized", "java/scalar"),
        dot.rows().stream().map(WorkloadTable.Row::label).toList());
    assertEquals(List.of("naive", "idiomatic", "optimized", "naive"), dot.rows().stream().map(WorkloadTable.Row::kind).toList());
  }

  @Test
  void factorsAgainstTheFastestUsableMedian() {
    WorkloadTable dot = table(FakeRuns.small(), "dot");
    // 1,000: rust/optimized median 305 ns is fastest; the invalid java/scalar (905 ns) is not compared
    assertEquals(305, dot.fastestMedianNs(1_000).getAsLong());
    assertEquals(1.0, dot.factor(row(dot, "rust/optimized"), 1_000).getAsDouble(), 1e-12);
    assertEquals(51_000.0 / 305, dot.factor(row(dot, "python/pure"), 1_000).getAsDouble(), 1e-9);
    assertTrue(dot.factor(row(dot, "java/scalar"), 1_000).isEmpty());
    // 1,000,000: rust/optimized failed, so python/numpy (505 µs) is the fastest
    assertEquals(505_000, dot.fastestMedianNs(1_000_000).getAsLong());
    assertTrue(dot.factor(row(dot, "rust/optimized"), 1_000_000).isEmpty());
    assertEquals(1_000_000.0 / 505_000, dot.factor(row(dot, "java/scalar"), 1_000_000).getAsDouble(), 1e-9);
    assertEquals(50_500_000.0 / 505_000, dot.factor(row(dot, "python/pure"), 1_000_000).getAsDouble(), 1e-9);
    assertEquals(
        List.of("python/numpy", "java/scalar", "python/pure"),
        dot.rankedAt(1_000_000).stream().map(WorkloadTable.Row::label).toList());
  }

  @Test
  void workloadWithOnlyUnusableCells() {
    WorkloadTable tok = table(FakeRuns.small(), "tokenize");
    assertFalse(tok.hasUsable());
    assertTrue(tok.largestUsableSize().isEmpty());
    assertNull(row(tok, "python/pure").usable(1_000));
  }

  @Test
  void threadCountsSplitRowsAndAppearInLabels() {
    RunRecord run =
        new RunRecord(
            1, "t", null, null, List.of(), Map.of(), Map.of(),
            List.of(
                FakeRuns.ok("dot", "rust/optimized", 1_000, 1, List.of(400L)),
                FakeRuns.ok("dot", "rust/optimized", 1_000, 4, List.of(100L))));
    WorkloadTable t = table(run, "dot");
    assertEquals(
        List.of("rust/optimized (1 thread)", "rust/optimized (4 threads)"),
        t.rows().stream().map(WorkloadTable.Row::label).toList());
    assertEquals(4.0, t.factor(t.rows().get(0), 1_000).getAsDouble(), 1e-12);
  }

  @Test
  void ciHalfWidthIsRelativeToTheMedian() {
    var m = FakeRuns.ok("dot", "rust/naive", 10, List.of(90L, 100L, 110L));
    // three samples: the interval is [min, max] = [90, 110], half-width 10 on a median of 100
    assertEquals(0.10, WorkloadTable.ciHalfWidth(m), 1e-12);
    assertTrue(WorkloadTable.ciLevel(m) < 0.95);
  }
}
