package org.polybench.harness.instructions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.polybench.harness.Project;
import org.polybench.harness.compare.CellKey;
import org.polybench.harness.lang.Language;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/** ./bench run --instructions: counts each plan cell's instructions per call into instructions.json. */
public final class Instructions {
  public static final String FILE = "instructions.json";
  public static final int SCHEMA_VERSION = 1;

  private Instructions() {}

  public static Path countAll(Project project, Plan plan, RunRecord run, Path runDir, Function<String, Optional<Language>> languages,
      long timeoutSeconds, PrintStream console) throws IOException {
    Optional<Path> valgrind = InstructionCounter.valgrind();
    InstructionCounter counter = new InstructionCounter(project, languages);
    Map<CellKey, CellResult> byCell = new java.util.HashMap<>();
    run.measurements().forEach(m -> byCell.put(CellKey.of(m), m));
    List<InstructionCounter.Count> counts = new ArrayList<>();
    console.println();
    console.println("instructions per kernel call (valgrind callgrind, by difference of 1 and 1+k measured calls; Rust: kernel functions only):");
    for (Cell cell : plan.cells()) {
      CellKey key = new CellKey(cell.workload().name(), cell.implementation().id(), cell.size(), cell.threads());
      InstructionCounter.Count c;
      String why = InstructionCounter.whyNot(cell, byCell.get(key));
      if (why == null && valgrind.isEmpty()) {
        c = new InstructionCounter.Count(key, "not counted: valgrind not found (apt-get install valgrind)");
      } else {
        Path input = cell.workload().input(cell.size(), plan.settings().seed(), project.dataDir());
        c = counter.count(cell, plan.settings().seed(), input, byCell.get(key), valgrind.orElse(null), timeoutSeconds);
      }
      counts.add(c);
      console.printf(Locale.ROOT, "  %-40s %s%n", key.label(),
          c.perCall() != null ? String.format(Locale.ROOT, "%,.0f", c.perCall()) + " instructions" : c.reason());
    }
    Path file = runDir.resolve(FILE);
    Files.writeString(file, json(run, counts));
    console.println("instructions: " + file);
    return file;
  }

  /** The counts of a run folder's instructions.json by cell (empty when the run was made without --instructions). */
  public static Map<CellKey, Double> read(Path runDir) throws IOException {
    Path f = runDir.resolve(FILE);
    Map<CellKey, Double> out = new java.util.TreeMap<>();
    if (!Files.isRegularFile(f)) return out;
    for (var c : new ObjectMapper().readTree(f.toFile()).path("cells")) {
      if (c.has("instructions_per_call")) {
        out.put(new CellKey(c.get("workload").asText(), c.get("implementation").asText(), c.get("size").asLong(), c.get("threads").asInt()),
            c.get("instructions_per_call").asDouble());
      }
    }
    return out;
  }

  static String json(RunRecord run, List<InstructionCounter.Count> counts) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("run_id", run.runId());
    root.put("method", "valgrind --tool=callgrind; (I(1 + k calls) - I(1 call)) / k after one warm-up call; PYTHONHASHSEED=0;"
        + " Rust: only inside the kernels crate (--toggle-collect=polybench_kernels::*)");
    root.put("rust_runner_target_cpu", InstructionCounter.rustTarget());
    ArrayNode cells = root.putArray("cells");
    for (InstructionCounter.Count c : counts) {
      ObjectNode n = cells.addObject();
      n.put("workload", c.cell().workload());
      n.put("implementation", c.cell().implementation());
      n.put("size", c.cell().size());
      n.put("threads", c.cell().threads());
      if (c.perCall() != null) {
        n.put("instructions_per_call", c.perCall());
        n.put("counted", c.method());
        n.put("extra_calls", c.calls());
        n.put("instructions_1_call", c.base());
        n.put("instructions_1_plus_k_calls", c.withCalls());
      } else {
        n.put("reason", c.reason());
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }
}
