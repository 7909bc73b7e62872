package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import org.polybench.harness.store.Verification;

/** The memory section: figures of a fake run as the runners report them, in the table and the charts. */
class MemoryFiguresTest {
  static final long MIB = 1024 * 1024;

  /** A verified cell whose one process reported these memory figures. */
  static CellResult cell(String impl, long size, long peak, long baseline, Long alloc, long gcs, long pauseNs) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("baseline_rss_bytes", baseline);
    extra.put("alloc_bytes_per_call", alloc);
    extra.put("gc", Map.of("collections", gcs, "pause_ns", pauseNs));
    String[] li = impl.split("/");
    Invocation one = Invocation.succeeded(1, 1_000_000_000L, List.of(1000L), List.of(1000L, 1100L, 900L), peak, "1.0", "float", Map.of(), extra);
    return CellResult.of("dot", li[0], li[1], size, 1, Status.OK, null, List.of(), List.of(one),
        new Verification("1.0", "float", "1.0", true, null));
  }

  static RunRecord run() {
    List<CellResult> cells = new ArrayList<>();
    // rust: 6 MiB before, 6 + 16 MiB at 1e6 elements (two float64 inputs: 16 bytes per element and a bit)
    cells.add(cell("rust/naive", 1_000, 6 * MIB + 16_000, 6 * MIB, 0L, 0, 0));
    cells.add(cell("rust/naive", 1_000_000, 22 * MIB, 6 * MIB, 0L, 0, 0));
    cells.add(cell("java/scalar", 1_000_000, 60 * MIB, 40 * MIB, 16L, 3, 2_000_000));
    RunRecord base = FakeRuns.small();
    return new RunRecord(base.schemaVersion(), "memory-test", base.startedAt(), base.finishedAt(), base.commandLine(),
        FakeRuns.settings(List.of(1_000L, 1_000_000L)), base.environment(), cells);
  }

  /** binary-trees' size is a depth: its memory is per node of the two trees alive at the peak, not per unit of depth. */
  @Test
  void binaryTreesBytesArePerNodeOfBothTrees() {
    CellResult dot = cell("rust/box", 16, 6 * MIB + 2 * 131_071 * 16, 6 * MIB, 0L, 0, 0);
    CellResult trees = new CellResult("binary-trees", dot.language(), dot.variant(), 16, 1, dot.status(), null, dot.command(),
        dot.invocations(), dot.stats(), dot.verification());
    // docs/workloads.md#binary-trees: depth 16 is 131,071 nodes per tree, two trees alive at once
    assertEquals(16.0, MemoryFigures.of(trees).bytesPerElement(), 1e-12);
  }

  @Test
  void figuresAreTheRunnersNumbersAndBytesPerElementIsPeakMinusBaselineOverSize() {
    MemoryFigures f = MemoryFigures.of(cell("rust/naive", 1_000_000, 22 * MIB, 6 * MIB, 0L, 0, 0));
    assertEquals(22 * MIB, f.peakRssBytes());
    assertEquals(6 * MIB, f.baselineRssBytes());
    assertEquals(16.0 * MIB / 1e6, f.bytesPerElement(), 1e-12);
    assertEquals(0L, f.gcCollections(), "Rust: 0, not null");
  }

  /** CPython traces the allocation call in a cell's first process only (--no-alloc-peak): the peak is that process's. */
  @Test
  void theAllocationPeakComesFromTheProcessThatTracedItWhenTheTopOneDidNot() {
    Map<String, Object> traced = new LinkedHashMap<>(Map.of("alloc_peak_bytes", 32_000_000L, "alloc_bytes_per_call", 100L));
    Map<String, Object> untraced = new LinkedHashMap<>(Map.of("alloc_bytes_per_call", 100L));
    untraced.put("alloc_peak_bytes", null);
    Invocation first = Invocation.succeeded(1, 1L, List.of(1L), List.of(5L, 6L), 100 * MIB, "1.0", "float", Map.of(), traced);
    Invocation second = Invocation.succeeded(2, 1L, List.of(1L), List.of(5L, 6L), 120 * MIB, "1.0", "float", Map.of(), untraced);
    CellResult m = CellResult.of("normalize", "python", "pure", 1_000_000, 1, Status.OK, null, List.of(), List.of(first, second),
        new Verification("1.0", "float", "1.0", true, null));
    MemoryFigures f = MemoryFigures.of(m);
    assertEquals(120 * MIB, f.peakRssBytes(), "the peak is still the highest process's");
    assertEquals(32_000_000L, f.allocPeakBytes());
    CellResult none = CellResult.of("normalize", "python", "pure", 1_000_000, 1, Status.OK, null, List.of(), List.of(second),
        new Verification("1.0", "float", "1.0", true, null));
    assertNull(MemoryFigures.of(none).allocPeakBytes(), "no process traced it: null, never 0");
  }

  @Test
  void aFigureNotReportedIsNullNotZero() {
    CellResult m = FakeRuns.ok("dot", "python/pure", 1000, List.of(5L, 6L, 7L)); // no extra at all
    MemoryFigures f = MemoryFigures.of(m);
    assertNull(f.baselineRssBytes());
    assertNull(f.bytesPerElement());
    assertNull(f.allocBytesPerCall());
    assertNull(f.gcCollections());
  }

  @Test
  void summaryHasTheMemoryTableWithTheFakeRunsFigures() {
    String md = FakeRuns.summaryWith(run(),
        "### Memory");
    // 22 MiB peak, 6 MiB baseline, 16 MiB / 1e6 = 16.8 bytes per element, 0 B allocated, 0 collections
    assertTrue(md.contains("| `rust/naive` | 1,000,000 | 22.0 MiB | 6.00 MiB | 16.8 | 0 B | – | 0 | 0 ns |"), md);
    // java: (60 - 40) MiB / 1e6 = 21.0 bytes per element, 16 B per call, 3 collections in 2.00 ms
    assertTrue(md.contains("| `java/scalar` | 1,000,000 | 60.0 MiB | 40.0 MiB | 21.0 | 16 B | – | 3 | 2.00 ms |"), md);
  }

  @Test
  void memoryChartsAreDrawnForAWorkloadWithFigures(@TempDir Path dir) throws Exception {
    List<Path> written = Charts.renderAll(run(), dir);
    List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("dot-peak-rss-vs-size.png"), names.toString());
    assertTrue(names.contains("dot-bytes-per-element.png"), names.toString());
    for (Path p : written) assertTrue(Files.size(p) > 1_000, p + " is nearly empty");
  }
}
