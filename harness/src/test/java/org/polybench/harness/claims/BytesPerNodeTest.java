package org.polybench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.Status;
import org.polybench.harness.store.Verification;
import org.polybench.harness.view.MemoryFigures;

/**
 * A bytes-per-element claim over binary-trees divides by the nodes alive at the peak, 2 × (2^(d+1) − 1),
 * not by the depth, and takes peak and baseline from the same process, as the memory table does
 * (one function: view.MemoryFigures#bytesPerElement).
 */
class BytesPerNodeTest {
  static final long MIB = 1024 * 1024;
  /** Depth 16: both trees alive, 2 × (2^17 − 1) nodes. */
  static final double NODES_AT_16 = 2 * (131_072 - 1);

  /** binary-trees at depth 16 in two processes with these (peak, baseline) pairs. */
  static CellResult cell(String impl, long peak1, long base1, long peak2, long base2) {
    String[] lv = impl.split("/", 2);
    List<Long> samples = List.of(1_000_000L, 1_100_000L, 900_000L);
    List<Invocation> inv = List.of(
        Invocation.succeeded(1, 1_000_000_000L, List.of(1L), samples, peak1, "262142", "u64", Map.of(), Map.of("baseline_rss_bytes", base1)),
        Invocation.succeeded(2, 1_000_000_000L, List.of(1L), samples, peak2, "262142", "u64", Map.of(), Map.of("baseline_rss_bytes", base2)));
    return CellResult.of("binary-trees", lv[0], lv[1], 16, 1, Status.OK, null, List.of("runner"), inv,
        new Verification("262142", "u64", "262142", true, null));
  }

  @Test
  void perNodeOfTheProcessWithTheHighestPeak() {
    CellResult pure = cell("python/pure", 100 * MIB, 10 * MIB, 120 * MIB, 30 * MIB);
    assertEquals(90 * MIB / NODES_AT_16, MemoryFigures.bytesPerElement(pure, "baseline_rss_bytes"), 1e-9);
    assertEquals(90 * MIB / NODES_AT_16, MemoryFigures.of(pure).bytesPerElement(), 1e-9);
  }

  @Test
  void theClaimsRatioIsTheMemoryTablesRatio(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("claims.json");
    Files.writeString(file, """
        {"articles": {"C": "an article"},
         "claims": [{"id": "tree-memory", "type": "claim", "articles": ["C"], "quote": "q", "statement": "s",
           "metric": {"kind": "bytes-per-element-ratio", "workloads": ["binary-trees"], "sizes": "largest",
                      "numerators": ["python/pure"], "denominator": "rust/*", "baseline_field": "baseline_rss_bytes"},
           "range": {"low": 2}, "mapping": "m", "combine": "every"}]}
        """);
    CellResult pure = cell("python/pure", 100 * MIB, 10 * MIB, 120 * MIB, 30 * MIB);
    CellResult box = cell("rust/box", 14 * MIB, 4 * MIB, 12 * MIB, 2 * MIB);
    Outcome o = Evaluator.evaluate(Registry.load(file).find("tree-memory"), ClaimRuns.run(List.of(pure, box)));
    assertEquals(1, o.estimates().size(), o.reason());
    // python/pure: (120 - 30) MiB in its highest-peak process; rust/box: (14 - 4) MiB in its: 9x per node.
    // Peak of one process against the baseline of another (120 - 10 against 14 - 4) would say 11x.
    assertEquals(9.0, o.estimates().get(0).point(), 1e-9);
  }
}
