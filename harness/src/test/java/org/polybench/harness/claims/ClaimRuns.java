package org.polybench.harness.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.Verification;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;

/** Runs built in code for the claims tests: cells with chosen medians, two processes each, no timing. */
public final class ClaimRuns {
  private ClaimRuns() {}

  /**
   * A verified cell whose samples spread by +-{@code spread} (relative) around {@code median},
   * in two processes of 10 samples each.
   */
  public static CellResult cell(String workload, String impl, long size, int threads, double median, double spread, Map<String, Object> runtime) {
    List<Invocation> inv = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      List<Long> samples = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        double f = 1 + spread * ((i % 5) - 2) / 2.0 + (k == 0 ? -spread / 4 : spread / 4);
        samples.add(Math.max(1L, Math.round(median * f)));
      }
      inv.add(Invocation.succeeded(k + 1, 500_000_000L, List.of(samples.get(0)), samples, 50_000_000L, "1.0", "float", runtime, null));
    }
    String[] lv = impl.split("/", 2);
    return CellResult.of(workload, lv[0], lv[1], size, threads, Status.OK, null, List.of("runner"), inv,
        new Verification("1.0", "float", "1.0", true, null));
  }

  public static CellResult cell(String workload, String impl, long size, double median) {
    return cell(workload, impl, size, 1, median, 0.02, Map.of());
  }

  /** The same cell, measured but with a wrong answer. */
  public static CellResult invalid(CellResult m) {
    String why = "checksum 2.0 differs from the reference 1.0";
    return new CellResult(m.workload(), m.language(), m.variant(), m.size(), m.threads(), Status.INVALID, why, m.command(),
        m.invocations(), m.stats(), new Verification("2.0", "float", "1.0", false, why));
  }

  public static RunRecord run(List<CellResult> cells) {
    return new RunRecord(RunRecord.SCHEMA_VERSION, "20250101-000000-claims", "2025-01-01T00:00:00Z", "2025-01-01T00:10:00Z",
        List.of("./bench", "run", "--quick"), FakeRuns.settings(List.of(1_000_000L)), FakeRuns.environment(), cells);
  }

  /** dot and normalize at 1e6: python/pure {@code pureFactor} times rust/optimized, numpy 1.5x, rust-ext 10x faster than pure. */
  public static List<CellResult> vectors(double pureFactor) {
    List<CellResult> ms = new ArrayList<>();
    for (String w : List.of("dot", "normalize")) {
      ms.add(cell(w, "rust/optimized", 1_000_000, 500_000));
      ms.add(cell(w, "rust/naive", 1_000_000, 900_000));
      ms.add(cell(w, "python/pure", 1_000_000, 500_000 * pureFactor));
      ms.add(cell(w, "python/numpy", 1_000_000, 750_000));
      ms.add(cell(w, "python/rust-ext", 1_000_000, 500_000 * pureFactor / 10));
    }
    return ms;
  }
}
