package org.polybench.harness.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.UserError;
import org.polybench.harness.cli.Main;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** Two machines' runs as one report: a column per machine, the factor against the first. */
class MergeTest {
  @TempDir Path tmp;

  @SuppressWarnings("unchecked")
  private static RunRecord on(String cpu, double scale, Object seed) {
    RunRecord r = FakeRuns.small();
    Map<String, Object> env = new LinkedHashMap<>(r.environment());
    Map<String, Object> machine = new LinkedHashMap<>((Map<String, Object>) env.get("machine"));
    machine.put("cpu_model", cpu);
    env.put("machine", machine);
    Map<String, Object> settings = new LinkedHashMap<>(r.settings());
    settings.put("seed", seed);
    var ms = r.measurements().stream().map(m -> m.usable()
        ? FakeRuns.ok(m.workload(), m.implementation(), m.size(), m.threads(),
            m.samplesNs().stream().map(x -> Math.round(x * scale)).toList())
        : m).toList();
    return new RunRecord(r.schemaVersion(), r.runId() + "-" + cpu.length(), r.startedAt(), r.finishedAt(), r.commandLine(), settings, env, ms);
  }

  @Test
  void twoMachinesGiveOneReportWithAFactorColumn() throws Exception {
    new ResultsStore(tmp.resolve("a")).save(on("Intel Xeon", 1.0, 42));
    new ResultsStore(tmp.resolve("b")).save(on("Apple M2", 2.0, 42));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "merge", "--out", tmp.resolve("m").toString(), tmp.resolve("a").toString(), tmp.resolve("b").toString());
    assertEquals(0, exit, err.toString());
    String md = Files.readString(tmp.resolve("m/summary.md"));
    assertTrue(md.contains("**M1**: Intel Xeon") && md.contains("**M2**: Apple M2"), md);
    assertTrue(md.contains("| python/pure | 1,000,000 |") && md.contains("| 2.00x |"), md);
    assertTrue(md.contains("invalid"), "an invalid cell shows its status, not a time: " + md);
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("m/merged.json").toFile());
    assertEquals(2, j.get("machines").size());
    JsonNode first = j.get("cells").get(0).get("by_machine");
    assertEquals(2, first.size());
  }

  @Test
  void differentSeedsAreRefused() {
    UserError e = assertThrows(UserError.class, () -> Merge.sources(List.of("a", "b"), List.of(on("X", 1, 42), on("Y", 1, 7))));
    assertTrue(e.getMessage().contains("different seeds"), e.getMessage());
  }
}
