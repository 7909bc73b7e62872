package org.polybench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/** Synthetic runs for the comparison tests: the same cells, seeded noise, a chosen cell scaled. */
final class CompareRuns {
  static final List<String> IMPLS = List.of("python/pure", "python/numpy", "rust/optimized", "java/scalar");
  static final List<Long> SIZES = List.of(1_000L, 100_000L, 1_000_000L);

  private CompareRuns() {}

  /** dot x 4 implementations x 3 sizes, {@code samples} samples each with 2% seeded noise, times {@code scale(cell)}. */
  static RunRecord run(String id, long noiseSeed, int samples, ToDoubleFunction<CellKey> scale) {
    Random rnd = new Random(noiseSeed);
    List<CellResult> ms = new ArrayList<>();
    for (String impl : IMPLS) {
      for (long size : SIZES) {
        CellKey k = new CellKey("dot", impl, size, 1);
        double median = (IMPLS.indexOf(impl) + 1) * 10.0 * size * scale.applyAsDouble(k);
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < samples; i++) s.add(Math.round(median * (1 + 0.02 * rnd.nextGaussian())));
        ms.add(FakeRuns.ok("dot", impl, size, s));
      }
    }
    return record(id, ms, FakeRuns.environment());
  }

  static RunRecord run(String id, long noiseSeed) {
    return run(id, noiseSeed, 20, k -> 1.0);
  }

  static RunRecord record(String id, List<CellResult> ms, Map<String, Object> env) {
    return new RunRecord(RunRecord.SCHEMA_VERSION, id, "2025-11-23T20:29:00Z", "2025-11-23T20:41:30Z",
        List.of("bench", "run"), FakeRuns.settings(SIZES), env, ms);
  }

  static RunRecord withSetting(RunRecord r, String key, Object value) {
    Map<String, Object> s = new LinkedHashMap<>(r.settings());
    s.put(key, value);
    return new RunRecord(r.schemaVersion(), r.runId(), r.startedAt(), r.finishedAt(), r.commandLine(), s, r.environment(), r.measurements());
  }

  @SuppressWarnings("unchecked")
  static RunRecord onMachine(RunRecord r, String cpu) {
    Map<String, Object> env = new LinkedHashMap<>(r.environment());
    Map<String, Object> machine = new LinkedHashMap<>((Map<String, Object>) env.get("machine"));
    machine.put("cpu_model", cpu);
    env.put("machine", machine);
    return new RunRecord(r.schemaVersion(), r.runId(), r.startedAt(), r.finishedAt(), r.commandLine(), r.settings(), env, r.measurements());
  }
}
