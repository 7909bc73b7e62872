package org.polybench.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polybench.harness.UserError;
import org.polybench.harness.store.RunRecord;

/**
 * Compares the instruction counts of two runs made with --instructions (instructions.json in each
 * run folder). Counts are deterministic to about 1e-4, so no significance test: a change is a
 * ratio beyond the threshold. A cell counted in only one run, or in neither, is listed.
 */
public final class CountComparer {
  public static final String FILE = "instructions.json";

  private CountComparer() {}

  public static Comparison compare(RunRecord base, Path baseDir, RunRecord next, Path nextDir, Comparison.Options options) {
    Comparer.checkSeed(base, next);
    List<String> notes = new ArrayList<>();
    Comparer.checkMachine(base, next, options.allowDifferentMachines(), notes);
    Map<CellKey, JsonNode> b = read(baseDir);
    Map<CellKey, JsonNode> n = read(nextDir);
    List<CellChange> changes = new ArrayList<>();
    List<NotCompared> notCompared = new ArrayList<>();
    for (CellKey k : b.keySet()) {
      if (!n.containsKey(k)) continue;
      JsonNode x = b.get(k);
      JsonNode y = n.get(k);
      if (!x.has("instructions_per_call") || !y.has("instructions_per_call")) {
        String why = x.has("instructions_per_call") ? "new: " + y.path("reason").asText() : "base: " + x.path("reason").asText();
        notCompared.add(new NotCompared(k, why));
        continue;
      }
      double vb = x.get("instructions_per_call").asDouble();
      double vn = y.get("instructions_per_call").asDouble();
      double r = vn / vb;
      Verdict v = r >= options.slowerAt() ? Verdict.SLOWER : r <= options.fasterAt() ? Verdict.FASTER : Verdict.NO_CHANGE;
      changes.add(new CellChange(k, vb, vn, 1, 1, r, r, r, 1.0, Double.NaN, Double.NaN, v));
    }
    if (changes.isEmpty() && notCompared.isEmpty()) {
      throw new UserError("the two runs' instruction counts share no cell: compare runs made with the same --workloads and --sizes");
    }
    List<CellKey> onlyBase = b.keySet().stream().filter(k -> !n.containsKey(k)).toList();
    List<CellKey> onlyNew = n.keySet().stream().filter(k -> !b.containsKey(k)).toList();
    return new Comparison(Comparison.Metric.INSTRUCTIONS, Comparer.side(base, baseDir.toString()), Comparer.side(next, nextDir.toString()),
        options, changes, notCompared, onlyBase, onlyNew, notes);
  }

  private static Map<CellKey, JsonNode> read(Path runDir) {
    Path f = runDir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      throw new UserError("no " + FILE + " in " + runDir + ": --metric instructions compares runs made with ./bench run --instructions");
    }
    try {
      Map<CellKey, JsonNode> out = new TreeMap<>();
      for (JsonNode c : new ObjectMapper().readTree(f.toFile()).path("cells")) {
        out.put(new CellKey(c.get("workload").asText(), c.get("implementation").asText(), c.get("size").asLong(), c.get("threads").asInt()), c);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new UserError("cannot read " + f + ": " + e.getMessage());
    }
  }
}
