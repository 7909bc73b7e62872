package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.view.Throughput;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Verification;
import org.polybench.harness.store.RunRecord;

/** The tokenize charts (throughput, latency percentiles) and tables, from a fake run. */
class TokenizeChartsTest {

  /** A verified tokenize cell: its samples, tokens in the checksum, latencies in extra (or none). */
  static CellResult cell(String impl, long size, List<Long> samples, long tokens, List<Long> latency) {
    CellResult m = FakeRuns.ok("tokenize", impl, size, samples);
    Map<String, Object> extra = null;
    if (latency != null) {
      Map<String, Object> lat = new java.util.LinkedHashMap<>();
      List<String> keys = Throughput.PERCENTILE_KEYS;
      for (int i = 0; i < keys.size(); i++) lat.put(keys.get(i), latency.get(i));
      lat.put("count", 5_000);
      extra = Map.of("documents", 1_000, "doc_latency_ns", lat);
    }
    String checksum = tokens + ":0123456789abcdef";
    return m.withRuntime(m.runtime(), extra).withVerification(new Verification(checksum, "docs+tokens+fnv64", checksum, true, null));
  }

  static RunRecord run() {
    List<CellResult> ms = new ArrayList<>();
    for (long size : List.of(10_000L, 1_000_000L)) {
      double f = size / 1e6;
      ms.add(cell("python/pure", size, List.of(ns(140e6 * f), ns(141e6 * f), ns(150e6 * f)), size / 3, List.of(22_000L, 54_000L, 97_000L, 250_000L, 2_000_000L)));
      ms.add(cell("python/hf-tokenizers-batch", size, List.of(ns(270e6 * f), ns(275e6 * f), ns(280e6 * f)), size / 3, null));
      ms.add(cell("rust/native", size, List.of(ns(7.5e6 * f), ns(7.6e6 * f), ns(7.7e6 * f)), size / 3, List.of(1_400L, 2_600L, 3_500L, 4_800L, 107_000L)));
      ms.add(cell("java/native", size, List.of(ns(10e6 * f), ns(11e6 * f), ns(14e6 * f)), size / 3, List.of(2_000L, 3_700L, 5_200L, 19_000L, 4_400_000L)));
    }
    ms.add(FakeRuns.failed("tokenize", "python/rust-ext", 1_000_000, "crashed"));
    return new RunRecord(1, "tok", "2025-11-23T20:29:00Z", null, List.of(), Map.of(), FakeRuns.environment(), ms);
  }

  private static long ns(double v) {
    return Math.round(v);
  }

  @Test
  void throughputBarsFastestFirstInMbPerSecondWithTokens() {
    WorkloadTable t = WorkloadTable.of(run(), "tokenize").orElseThrow();
    List<ThroughputChart.Bar> bars = ThroughputChart.bars(t);
    assertEquals(List.of("rust/native", "java/native", "python/pure", "python/hf-tokenizers-batch"),
        bars.stream().map(ThroughputChart.Bar::label).toList());
    assertEquals(1e6 / 7.6e6 * 1e3, bars.get(0).mbps(), 1e-9);
    assertEquals(1e6 / 7.7e6 * 1e3, bars.get(0).lowMbps(), 1e-9, "whisker: the slowest sample");
    assertEquals(333_333 / 7.6e-3, bars.get(0).tokensPerSecond(), 1e-3);
    var f = ThroughputChart.build(t);
    assertTrue(f.chart.getTitle().startsWith("tokenize at 1,000,000 bytes: throughput"));
    assertTrue(f.chart.getXAxisTitle().contains("not shown: python/rust-ext (failed)"));
  }

  @Test
  void latencyLinesOnlyForCellsWithPerDocumentTimes() {
    WorkloadTable t = WorkloadTable.of(run(), "tokenize").orElseThrow();
    List<LatencyPercentilesChart.Line> lines = LatencyPercentilesChart.lines(t);
    assertEquals(List.of("rust/native", "java/native", "python/pure"), lines.stream().map(LatencyPercentilesChart.Line::label).toList());
    assertEquals(List.of(1_400.0, 2_600.0, 3_500.0, 4_800.0, 107_000.0), lines.get(0).ns());
    assertEquals("not shown (no per-document times): python/hf-tokenizers-batch", LatencyPercentilesChart.notMeasured(t));
    var chart = LatencyPercentilesChart.build(t);
    assertEquals(List.of("p50", "p90", "p99", "p99.9", "max"), chart.getSeriesMap().get("rust/native").getXData());
  }

  @Test
  void chartsAreWrittenAndOnlyForTokenize(@TempDir Path dir) throws Exception {
    List<Path> files = Charts.renderAll(run(), dir);
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    for (String n : List.of("tokenize-throughput.png", "tokenize-throughput.svg", "tokenize-latency.png", "tokenize-latency.svg")) {
      assertTrue(names.contains(n), n + " in " + names);
      assertTrue(Files.size(dir.resolve(n)) > 1_000);
    }
    // dot is sized in elements and reports no per-document latencies: neither chart (its per-iteration one only)
    assertTrue(Charts.renderAll(FakeRuns.small(), dir.resolve("small")).stream().map(p -> p.getFileName().toString())
        .noneMatch(n -> n.contains("throughput") || n.endsWith("-latency.png") && !n.contains("iteration-latency")));
  }

  @Test
  void summaryHasThroughputAndLatencyTables() {
    String md = FakeRuns.summaryWith(run(),
        "### Throughput (higher is better)",
        "| `rust/native` | optimized | 132 MB/s, 43.9M tok/s | 132 MB/s, 43.9M tok/s |",
        "| `python/rust-ext` | optimized | – | failed |",
        "### Latency per document at 1,000,000 bytes",
        "| `java/native` | 2.00 µs | 3.70 µs | 5.20 µs | 19.0 µs | 4.40 ms |",
        "| `python/hf-tokenizers-batch` | no per-document times (one batch call) |");
  }
}
