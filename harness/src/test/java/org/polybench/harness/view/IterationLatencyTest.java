package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
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

/** The per-iteration latency section: percentiles from stats beside the collections of the same calls. */
class IterationLatencyTest {
  /** A process whose measured samples are from..to (ns) with these collections. */
  static Invocation process(int index, long from, long to, long gcs, long pauseNs, long maxPauseNs) {
    List<Long> samples = LongStream.rangeClosed(from, to).boxed().toList();
    return Invocation.succeeded(index, 1_000_000_000L, List.of(), samples, 10L << 20, "1.0", "float", Map.of(),
        Map.of("gc", Map.of("collections", gcs, "pause_ns", pauseNs, "max_pause_ns", maxPauseNs)));
  }

  static CellResult cell(String impl, List<Invocation> processes) {
    String[] li = impl.split("/");
    return CellResult.of("dot", li[0], li[1], 1_000, 1, Status.OK, null, List.of(), processes,
        new Verification("1.0", "float", "1.0", true, null));
  }

  static RunRecord run() {
    // 2 x 600 samples: p99 from 1,200 samples; p99.9 needs 1,000, so it is there too
    CellResult java = cell("java/scalar", List.of(process(1, 1, 600, 2, 3_000_000, 2_000_000), process(2, 601, 1200, 1, 1_000_000, 1_000_000)));
    // 2 x 30 samples: p99 and p99.9 not reported
    CellResult rust = cell("rust/naive", List.of(process(1, 1, 30, 0, 0, 0), process(2, 31, 60, 0, 0, 0)));
    RunRecord base = FakeRuns.small();
    return new RunRecord(base.schemaVersion(), "latency-test", base.startedAt(), base.finishedAt(), base.commandLine(),
        FakeRuns.settings(List.of(1_000L)), base.environment(), List.of(java, rust));
  }

  @Test
  void percentilesPoolTheProcessesAndCollectionsAreSummedOverThem() {
    IterationLatency l = IterationLatency.of(run().measurements().get(0));
    assertEquals(1200, l.percentiles().n());
    assertEquals(600L, l.percentiles().p50Ns());
    assertEquals(1188L, l.percentiles().p99Ns(), "rank ceil(0.99 * 1200) = 1188");
    assertEquals(1199L, l.percentiles().p999Ns(), "rank ceil(0.999 * 1200) = 1199");
    assertEquals(3L, l.gcCollections());
    assertEquals(4_000_000L, l.gcPauseNs());
    assertEquals(2_000_000L, l.gcMaxPauseNs());
  }

  @Test
  void summaryShowsNotAvailableWithTheCountAPercentileNeeds() {
    String md = FakeRuns.summaryWith(run(),
        "### Latency per iteration",
        "| `java/scalar` | 1,000 | 1,200 | 600 ns | 1.19 µs | 1.20 µs | 1.20 µs | 3 | 4.00 ms | 2.00 ms |",
        "| `rust/naive` | 1,000 | 60 | 30.0 ns | n/a (needs ≥ 100) | n/a (needs ≥ 1,000) | 60.0 ns | 0 | 0 ns | 0 ns |");
  }

  @Test
  void aCellWithoutCollectionsReportedHasNullNotZero() {
    IterationLatency l = IterationLatency.of(FakeRuns.ok("dot", "python/pure", 1000, List.of(5L, 6L, 7L)));
    assertEquals(3, l.percentiles().n());
    assertNull(l.gcCollections());
    assertNull(l.gcPauseNs());
  }

  @Test
  void theChartIsDrawnForAWorkloadDeclaringTheSection(@TempDir Path dir) throws Exception {
    List<Path> files = Charts.renderAll(run(), dir);
    Path png = dir.resolve("dot-iteration-latency.png");
    assertTrue(files.contains(png), files.toString());
    assertTrue(Files.size(png) > 1_000);
  }
}
