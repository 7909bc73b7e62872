package org.polybench.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.json is a machine-readable format: sealed by a golden file. Regenerate it deliberately
 * with -Dgolden.update=true after a schema change (and bump schema_version when fields change
 * meaning).
 */
class ResultsFormatTest {
  @TempDir Path tmp;

  /** An invocation's conditions as run.Conditions records them (ordered, as the file shows them). */
  static Map<String, Object> conditions() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("load1", 3.78);
    c.put("load5", 4.98);
    c.put("load15", 5.26);
    c.put("procs_running", 3);
    c.put("logical_cpus", 2);
    c.put("cpus_seen", List.of(1, 0));
    c.put("last_cpu", 0);
    return c;
  }

  static RunRecord sample() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("seed", 42);
    settings.put("warmup", 1);
    settings.put("iterations", 3);
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu_model", "Test CPU");
    machine.put("logical_cores", 2);
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("machine", machine);
    env.put("harness_version", "0.1.0");
    List<String> cmd = List.of("runner", "--workload", "dot");
    CellResult ok = CellResult.of(
        "dot", "rust", "optimized", 1000, 1, Status.OK, null, cmd,
        List.of(
            Invocation.succeeded(1, 5_000_000L, List.of(900L), List.of(300L, 100L, 200L), 4096L, "249.5", "float",
                Map.of("name", "rustc"), null),
            Invocation.succeeded(2, 4_000_000L, List.of(800L), List.of(250L, 150L, 200L), 4000L, "249.5", "float",
                Map.of("name", "rustc"), Map.of("cpu_affinity", "0-1")).at(3).under(conditions())),
        new Verification("249.5", "float", "249.5", true, null));
    CellResult bad = CellResult.of(
        "dot", "python", "numpy", 1000, 1, Status.UNAVAILABLE, "unavailable here: numpy missing", List.of("python"),
        List.of(Invocation.failed(1, 3, 1_000L, "unavailable here: numpy missing")), Verification.none("249.5"));
    return new RunRecord(RunRecord.SCHEMA_VERSION, "20261123-120000", "2026-11-23T12:00:00Z", "2026-11-23T12:01:00Z",
        List.of("./bench", "run", "--quick"), settings, env, List.of(ok, bad));
  }

  @Test
  void resultsJsonMatchesTheGoldenFile() throws IOException {
    ResultsStore store = new ResultsStore(tmp);
    store.save(sample());
    String written = Files.readString(tmp.resolve("results.json"));
    Path golden = Path.of("src/test/resources/golden/results.json");
    if (Boolean.getBoolean("golden.update")) Files.writeString(golden, written);
    assertEquals(Files.readString(golden), written);
  }

  @Test
  void resultsJsonReadsBackToTheSameRecord() throws IOException {
    ResultsStore store = new ResultsStore(tmp);
    store.save(sample());
    RunRecord back = ResultsStore.load(tmp.resolve("results.json"));
    assertEquals(sample().measurements(), back.measurements());
    assertEquals(sample().runId(), back.runId());
  }

  @Test
  void saveReplacesAtomicallyAndLeavesNoTempFile() throws IOException {
    ResultsStore store = new ResultsStore(tmp);
    store.save(sample());
    store.save(sample().withMeasurement(sample().measurements().get(0)));
    assertEquals(3, ResultsStore.load(tmp.resolve("results.json")).measurements().size());
    assertEquals(List.of(tmp.resolve("results.json")), Files.list(tmp).toList());
  }

  @Test
  void eachInvocationKeepsItsOwnSamplesRssAndWallTime() {
    CellResult ok = sample().measurements().get(0);
    assertEquals(2, ok.invocations().size());
    assertEquals(List.of(300L, 100L, 200L, 250L, 150L, 200L), ok.samplesNs());
    assertEquals(List.of(200L, 200L), ok.invocationMediansNs());
    assertEquals(4096L, ok.peakRssBytes(), "the highest of the processes");
    assertEquals(9_000_000L, ok.processWallNs(), "the processes' walls summed");
    assertEquals(200L, ok.medianNs());
  }

  /**
   * A real results.json written by the schema-1 harness (./bench run --quick --workloads dot,parallel
   * --sizes 1e3 --invocations 2 --iterations 5, commit ce79de0): every statistic recomputed from the
   * converted tree equals the one version 1 stored, and the samples go back to their processes.
   */
  @Test
  void aRealVersionOneFileIsConvertedOnReadWithTheSameStatistics() throws IOException {
    Path v1 = Path.of("src/test/resources/golden/v1-real-results.json");
    com.fasterxml.jackson.databind.JsonNode raw = Json.mapper().readTree(v1.toFile());
    assertEquals(1, raw.get("schema_version").asInt());
    RunRecord run = ResultsStore.load(v1);
    assertEquals(RunRecord.SCHEMA_VERSION, run.schemaVersion());
    assertEquals(raw.get("run_id").asText(), run.runId());
    assertEquals(1, run.environment().get("converted_from_schema_version"));
    assertEquals(raw.get("measurements").size(), run.measurements().size());
    for (int i = 0; i < run.measurements().size(); i++) {
      com.fasterxml.jackson.databind.JsonNode old = raw.get("measurements").get(i);
      CellResult m = run.measurements().get(i);
      String what = m.implementation() + " " + m.size() + " x" + m.threads();
      assertEquals(old.get("implementation").asText(), m.implementation());
      assertEquals(old.get("status").asText(), m.status().toString().toLowerCase(java.util.Locale.ROOT), what);
      assertEquals(old.get("invocations").asInt(), m.invocations().size(), what);
      for (String f : List.of("median_ns", "min_ns", "max_ns", "ci_low_ns", "ci_high_ns")) {
        Long mine = switch (f) {
          case "median_ns" -> m.medianNs();
          case "min_ns" -> m.minNs();
          case "max_ns" -> m.maxNs();
          case "ci_low_ns" -> m.ciLowNs();
          default -> m.ciHighNs();
        };
        assertEquals(old.get(f).asLong(), mine, what + " " + f);
      }
      assertEquals(old.get("ci_level").asDouble(), m.ciLevel(), 1e-12, what);
      assertEquals(old.get("mean_ns").asDouble(), m.meanNs(), 1e-6, what);
      assertEquals(old.get("peak_rss_bytes").asLong(), m.peakRssBytes(), what);
      assertEquals(old.get("process_wall_ns").asLong(), m.processWallNs(), what);
      assertEquals(old.get("verified").asBoolean(), m.verified(), what);
      assertEquals(old.get("checksum").asText(), m.checksum(), what);
      List<Long> medians = new java.util.ArrayList<>();
      old.get("invocation_medians_ns").forEach(n -> medians.add(n.asLong()));
      assertEquals(medians, m.invocationMediansNs(), what);
      // version 1 kept the largest process drift; the drift is now the one furthest from 1 either way
      // (getting slower counts too), so it agrees with the old one only where that was above 1
      if (old.hasNonNull("drift")) {
        org.junit.jupiter.api.Assertions.assertNotNull(m.drift(), what);
        if (old.get("drift").asDouble() > org.polybench.harness.stats.CellStats.DRIFT_WARNING) {
          org.junit.jupiter.api.Assertions.assertTrue(m.drift() >= old.get("drift").asDouble() || m.slowingDown(), what);
        }
      }
      assertEquals(old.get("samples_ns").size(), m.samplesNs().size(), what);
    }
  }

  @Test
  void aSyntheticVersionOneFileWithAnUnavailableCellIsReadToo() throws IOException {
    RunRecord run = ResultsStore.load(Path.of("src/test/resources/golden/v1-synthetic-results.json"));
    CellResult bad = run.measurements().get(1);
    assertEquals(Status.UNAVAILABLE, bad.status());
    assertEquals(Integer.valueOf(3), bad.exitCode());
    assertEquals(null, bad.medianNs());
    assertEquals(200L, run.measurements().get(0).medianNs());
  }

  @Test
  void schemaVersionsThisHarnessDoesNotKnowAreRefusedWithTheFix() throws IOException {
    for (String v : List.of("0", "3", "\"1\"", "null")) {
      Path f = tmp.resolve("v" + v.replace("\"", "q") + ".json");
      Files.writeString(f, "{\"schema_version\": " + v + ", \"measurements\": []}");
      ResultsStore.UnsupportedSchema e =
          org.junit.jupiter.api.Assertions.assertThrows(ResultsStore.UnsupportedSchema.class, () -> ResultsStore.load(f), v);
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("schema_version"), e.getMessage());
    }
    Path newer = tmp.resolve("newer.json");
    Files.writeString(newer, "{\"schema_version\": 3}");
    org.junit.jupiter.api.Assertions.assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(ResultsStore.UnsupportedSchema.class, () -> ResultsStore.load(newer))
            .getMessage().contains("git pull"));
  }
}
