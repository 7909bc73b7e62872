package org.polybench.harness.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The comparison for machines (schema_version 1): every number, the verdicts and the regressions by name. */
public final class JsonReport implements ComparisonFormat {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String render(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("metric", c.metric().json());
    root.put("unit", c.metric().unit());
    root.set("base", side(c.base()));
    root.set("new", side(c.next()));
    ObjectNode o = root.putObject("options");
    o.put("threshold", c.options().threshold());
    o.put("alpha", c.options().alpha());
    o.put("correction", c.options().correction().name().toLowerCase(java.util.Locale.ROOT));
    o.put("test", c.metric() == Comparison.Metric.TIME ? "mann-whitney-u" : "none (deterministic counts)");
    o.put("allow_different_machines", c.options().allowDifferentMachines());
    ArrayNode cells = root.putArray("cells");
    for (CellChange x : c.changes()) {
      ObjectNode n = key(cells.addObject(), x.cell());
      n.put("base_value", x.baseMedian());
      n.put("new_value", x.newMedian());
      n.put("base_samples", x.baseSamples());
      n.put("new_samples", x.newSamples());
      n.put("ratio", x.ratio());
      n.put("ratio_ci_low", x.ratioLow());
      n.put("ratio_ci_high", x.ratioHigh());
      n.put("ci_level", x.ciLevel());
      if (!Double.isNaN(x.pValue())) {
        n.put("p_value", x.pValue());
        n.put("p_adjusted", x.pAdjusted());
      }
      n.put("verdict", x.verdict().json());
    }
    ArrayNode nc = root.putArray("not_compared");
    c.notCompared().forEach(x -> key(nc.addObject(), x.cell()).put("reason", x.reason()));
    ArrayNode ob = root.putArray("only_in_base");
    c.onlyInBase().forEach(k -> key(ob.addObject(), k));
    ArrayNode on = root.putArray("only_in_new");
    c.onlyInNew().forEach(k -> key(on.addObject(), k));
    ArrayNode reg = root.putArray("regressions");
    c.regressions().forEach(x -> reg.add(x.cell().label()));
    ArrayNode notes = root.putArray("notes");
    c.notes().forEach(notes::add);
    root.put("exit_code", c.exitCode());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode key(ObjectNode n, CellKey k) {
    n.put("workload", k.workload());
    n.put("implementation", k.implementation());
    n.put("size", k.size());
    n.put("threads", k.threads());
    return n;
  }

  private static ObjectNode side(Comparison.Side s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("source", s.source());
    n.put("run_id", s.runId());
    n.put("started_at", s.startedAt());
    n.put("commit", s.commit());
    n.put("dirty", s.dirty());
    n.put("machine", s.machine());
    return n;
  }
}
