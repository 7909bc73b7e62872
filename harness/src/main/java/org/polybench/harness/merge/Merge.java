package org.polybench.harness.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.polybench.harness.UserError;
import org.polybench.harness.compare.CellKey;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Cells;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.RunInfo;

/**
 * ./bench merge: several runs (typically one per CI runner image) as one report with the machine
 * as a dimension: per cell, each machine's median, and its factor against the first machine.
 * Writes merged.json (the runs' identities and, per cell and machine, the median and CI of
 * verified cells or the status of the others) and summary.md.
 */
public final class Merge {
  public static final int SCHEMA_VERSION = 1;

  /** One input run and the name of its column. */
  public record Source(String path, RunRecord run, String machine) {}

  private Merge() {}

  /** Names each run's column by its machine; runs of one machine are told apart by run id. */
  public static List<Source> sources(List<String> paths, List<RunRecord> runs) {
    if (runs.size() < 2) throw new UserError("give at least two run folders to merge");
    String seed = null;
    for (int i = 0; i < runs.size(); i++) {
      String s = runs.get(i).settings() == null ? null : RunInfo.str(runs.get(i).settings(), "seed");
      if (seed == null) seed = s;
      else if (s != null && !s.equals(seed)) {
        throw new UserError("the runs used different seeds (" + seed + " and " + s + " in " + paths.get(i)
            + "), so their inputs differ: merge runs made with the same --seed");
      }
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    runs.forEach(r -> seen.merge(RunInfo.machine(r), 1, Integer::sum));
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      String m = RunInfo.machine(runs.get(i));
      String sys = RunInfo.system(runs.get(i));
      String label = m + (sys != null ? " (" + sys + ")" : "") + (seen.get(m) > 1 ? " [run " + runs.get(i).runId() + "]" : "");
      out.add(new Source(paths.get(i), runs.get(i), label));
    }
    return out;
  }

  public static List<Path> write(List<Source> sources, Path out) throws IOException {
    Files.createDirectories(out);
    List<Map<CellKey, CellResult>> cells = new ArrayList<>();
    TreeSet<CellKey> all = new TreeSet<>();
    for (Source s : sources) {
      Map<CellKey, CellResult> m = new TreeMap<>();
      s.run().measurements().forEach(x -> m.put(CellKey.of(x), x));
      cells.add(m);
      all.addAll(m.keySet());
    }
    Path json = out.resolve("merged.json");
    Files.writeString(json, json(sources, cells, all));
    Path md = out.resolve("summary.md");
    Files.writeString(md, markdown(sources, cells, all));
    return List.of(md, json);
  }

  static String markdown(List<Source> sources, List<Map<CellKey, CellResult>> cells, TreeSet<CellKey> all) {
    StringBuilder sb = new StringBuilder("# polybench: ").append(sources.size()).append(" runs merged\n\n");
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      sb.append("- **M").append(i + 1).append("**: ").append(s.machine()).append(", run ").append(s.run().runId());
      if (RunInfo.gitCommit(s.run()) != null) sb.append(", commit ").append(RunInfo.gitCommit(s.run()));
      sb.append(" (").append(s.path()).append(")\n");
    }
    sb.append("\nMedian time per call (± 95% CI half-width) per machine; the factor is each machine's median over M1's.\n");
    String workload = null;
    for (CellKey k : all) {
      if (!k.workload().equals(workload)) {
        workload = k.workload();
        sb.append("\n## ").append(workload).append("\n\n| implementation | size |");
        for (int i = 0; i < sources.size(); i++) sb.append(" M").append(i + 1).append(" |");
        for (int i = 1; i < sources.size(); i++) sb.append(" M").append(i + 1).append("/M1 |");
        sb.append("\n|---|---:|").append("---:|".repeat(2 * sources.size() - 1)).append('\n');
      }
      sb.append("| ").append(k.implementation()).append(k.threads() > 1 ? " (" + k.threads() + " threads)" : "")
          .append(" | ").append(Numbers.size(k.size())).append(" |");
      for (Map<CellKey, CellResult> c : cells) sb.append(' ').append(Cells.time(c.get(k), false)).append(" |");
      CellResult first = cells.get(0).get(k);
      for (int i = 1; i < cells.size(); i++) {
        CellResult m = cells.get(i).get(k);
        sb.append(' ').append(first != null && m != null && first.usable() && m.usable()
            ? Numbers.sig3(m.medianNs() / (double) first.medianNs()) + "x" : Cells.MISSING).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String json(List<Source> sources, List<Map<CellKey, CellResult>> cells, TreeSet<CellKey> all) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    ArrayNode machines = root.putArray("machines");
    for (Source s : sources) {
      ObjectNode n = machines.addObject();
      n.put("machine", s.machine());
      n.put("run_id", s.run().runId());
      n.put("started_at", s.run().startedAt());
      n.put("commit", RunInfo.gitCommit(s.run()));
      n.put("source", s.path());
    }
    ArrayNode out = root.putArray("cells");
    for (CellKey k : all) {
      ObjectNode n = out.addObject();
      n.put("workload", k.workload());
      n.put("implementation", k.implementation());
      n.put("size", k.size());
      n.put("threads", k.threads());
      ArrayNode per = n.putArray("by_machine");
      for (int i = 0; i < sources.size(); i++) {
        CellResult m = cells.get(i).get(k);
        ObjectNode e = per.addObject();
        e.put("machine", sources.get(i).machine());
        if (m == null) {
          e.put("status", "absent");
        } else {
          e.put("status", m.status() == null ? "unknown" : m.status().json());
          e.put("verified", m.verified());
          if (m.usable()) {
            e.put("median_ns", m.medianNs());
            if (m.ciLowNs() != null) e.put("ci_low_ns", m.ciLowNs());
            if (m.ciHighNs() != null) e.put("ci_high_ns", m.ciHighNs());
          }
        }
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }
}
