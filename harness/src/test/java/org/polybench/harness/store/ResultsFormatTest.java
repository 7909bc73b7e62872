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
    Measurement ok =
        new Measurement(
            "dot", "rust", "optimized", 1000, 1, Status.OK, null, List.of(900L), List.of(300L, 100L, 200L),
            200L, 100L, 300L, 200.0, 100.0, 100L, 300L, 0.75, 4096L, "249.5", "float", "249.5", true,
            Map.of("name", "rustc"), null, 5_000_000L, 0, List.of("runner", "--workload", "dot"));
    Measurement bad =
        new Measurement(
            "dot", "python", "numpy", 1000, 1, Status.UNAVAILABLE, "unavailable here: numpy missing", List.of(), List.of(),
            null, null, null, null, null, null, null, null, null, null, null, null, false, Map.of(), null, 1_000L, 3, List.of("python"));
    return new RunRecord(1, "20261123-120000", "2026-11-23T12:00:00Z", "2026-11-23T12:01:00Z",
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
}
