package org.polybench.harness.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.claims.ClaimRuns;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;

/** A run with a bit of everything report.html shows, and input text that must be escaped. */
final class ReportFixture {
  static final String EVIL = "<script>alert('x')</script> & \"quoted\" <b>bold</b>";

  private ReportFixture() {}

  static RunRecord run() {
    List<CellResult> ms = new ArrayList<>(ClaimRuns.vectors(300));
    for (long n : List.of(1L, 10L, 100L, 1_000L, 100_000L)) {
      ms.add(ClaimRuns.cell("dot", "python/pure", n, 1, 150.0 * n + 200, 0.03, Map.of()));
      ms.add(ClaimRuns.cell("dot", "python/rust-ext", n, 1, 5.0 * n + 400, 0.03, Map.of()));
      ms.add(ClaimRuns.cell("dot", "python/numpy", n, 1, 0.5 * n + 1500, 0.03, Map.of()));
      ms.add(ClaimRuns.cell("dot", "rust/optimized", n, 1, 0.5 * n + 30, 0.03, Map.of()));
    }
    ms.add(ClaimRuns.cell("parallel", "python/threads", 4_000_000, 1, 1_000_000_000, 0.02, Map.of("gil_enabled", true)));
    ms.add(ClaimRuns.cell("parallel", "python/threads", 4_000_000, 16, 1_050_000_000, 0.02, Map.of("gil_enabled", true)));
    ms.add(ClaimRuns.cell("parallel", "rust/threads", 4_000_000, 1, 16_000_000, 0.02, Map.of()));
    ms.add(ClaimRuns.cell("parallel", "rust/threads", 4_000_000, 16, 1_100_000, 0.02, Map.of()));
    ms.add(FakeRuns.invalid("tokenize", "python/pure", 1_000, EVIL, List.of(10_000L, 11_000L)));
    ms.add(CellResult.of("tokenize", "python", "hf-tokenizers", 1_000, 1, Status.FAILED, "exit 137: " + EVIL, List.of("x"),
        List.of(org.polybench.harness.store.Invocation.failed(1, 137, null, "exit 137: " + EVIL)),
        org.polybench.harness.store.Verification.none(null)));
    return new RunRecord(RunRecord.SCHEMA_VERSION, "20250101-000000-report", "2025-01-01T00:00:00Z", "2025-01-01T00:10:00Z",
        List.of("./bench", "run", "--corpus", "my " + EVIL + ".txt"), FakeRuns.settings(List.of(1_000_000L)), FakeRuns.environment(), ms);
  }
}
