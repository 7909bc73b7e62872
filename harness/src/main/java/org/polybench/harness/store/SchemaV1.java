package org.polybench.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads results.json files of schema version 1 (one flat record per cell, the invocations'
 * samples pooled) into the version-2 tree, so `./bench report` redraws old runs.
 *
 * <p>Version 1 wrote each process's warm-ups and samples one process after the other, every
 * process with the same counts, so they are split back exactly. What it did not keep per process
 * is spread as follows: the summed wall time is split evenly (the sum is kept exactly); the peak
 * RSS (the highest of the processes), the runtime and the extra fields (the first process's) go
 * to the first invocation; each invocation gets the reported checksum when the cell was verified
 * (all processes had to match the reference), only the first otherwise. The statistics are
 * recomputed from the samples; they equal the ones version 1 stored.
 */
final class SchemaV1 {
  private SchemaV1() {}

  /** A version-1 cell, field for field. */
  record V1Cell(
      String workload, String language, String variant, long size, int threads, Status status, String error,
      List<Long> warmupNs, List<Long> samplesNs, Long peakRssBytes, String checksum, String checksumKind,
      String referenceChecksum, boolean verified, Map<String, Object> runtime, Map<String, Object> extra,
      Long processWallNs, Integer exitCode, List<String> command, Integer invocations) {}

  static RunRecord read(JsonNode root) throws java.io.IOException {
    List<CellResult> cells = new ArrayList<>();
    for (JsonNode m : root.path("measurements")) {
      cells.add(convert(Json.mapper().treeToValue(m, V1Cell.class)));
    }
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        text(root, "run_id"), text(root, "started_at"), text(root, "finished_at"),
        Json.mapper().convertValue(root.path("command_line"), List.class),
        Json.mapper().convertValue(root.path("settings"), Map.class),
        withConversionNote(Json.mapper().convertValue(root.path("environment"), Map.class)),
        cells);
  }

  private static String text(JsonNode root, String field) {
    return root.hasNonNull(field) ? root.get(field).asText() : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withConversionNote(Map<String, Object> env) {
    Map<String, Object> out = env == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(env);
    out.put("converted_from_schema_version", 1);
    return out;
  }

  static CellResult convert(V1Cell v) {
    List<Long> samples = v.samplesNs() == null ? List.of() : v.samplesNs();
    List<Long> warmup = v.warmupNs() == null ? List.of() : v.warmupNs();
    int k = v.invocations() == null || v.invocations() < 1 ? 1 : v.invocations();
    if (samples.isEmpty() || samples.size() % k != 0 || warmup.size() % k != 0) k = 1;
    List<Invocation> inv = new ArrayList<>();
    boolean measured = !samples.isEmpty();
    for (int i = 0; i < k; i++) {
      Long wall = v.processWallNs() == null ? null : share(v.processWallNs(), k, i);
      if (!measured) {
        inv.add(Invocation.failed(i + 1, v.exitCode(), wall, v.error()));
        continue;
      }
      boolean first = i == 0;
      inv.add(new Invocation(
          i + 1, v.exitCode() == null ? 0 : v.exitCode(), wall,
          slice(warmup, k, i), slice(samples, k, i),
          first ? v.peakRssBytes() : null,
          first || v.verified() ? v.checksum() : null, first || v.verified() ? v.checksumKind() : null,
          first ? v.runtime() : null, first ? v.extra() : null, null));
    }
    String mismatch = v.verified() || v.checksum() == null ? null : v.error();
    Verification ver = new Verification(v.checksum(), v.checksumKind(), v.referenceChecksum(), v.verified(), mismatch);
    return CellResult.of(
        v.workload(), v.language(), v.variant(), v.size(), v.threads(), v.status(), v.error(), v.command(), inv, ver);
  }

  private static List<Long> slice(List<Long> all, int k, int i) {
    int per = all.size() / k;
    return all.subList(i * per, (i + 1) * per);
  }

  /** The i-th of k even shares of total, the remainder going to the last, so they sum to total. */
  private static long share(long total, int k, int i) {
    long base = total / k;
    return i == k - 1 ? total - base * (k - 1) : base;
  }
}
