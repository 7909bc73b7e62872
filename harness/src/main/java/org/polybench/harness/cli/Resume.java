package org.polybench.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polybench.harness.UserError;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.store.Json;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * {@code ./bench run --resume RUN_DIR}: the cells an interrupted run lacks, measured with the same
 * settings and builds into the same results.json. environment.sessions says which cells were
 * measured when: each session's start and the index of its first cell in measurements.
 */
final class Resume {
  private Resume() {}

  /** Refuses (exit 2) when the plan made now would measure with other settings or other builds. */
  static void checkSame(Path dir, RunRecord previous, Map<String, Object> settings, Map<String, Object> builds) {
    List<String> diffs = new ArrayList<>();
    diff("", tree(previous.settings()), tree(settings), diffs);
    Object before = previous.environment().get("builds");
    if (before != null) diff("build of ", tree(before), tree(builds), diffs);
    if (!diffs.isEmpty()) {
      throw new UserError("cannot resume " + dir + ": it would not measure like the run it finishes (" + String.join("; ", diffs)
          + "); start a new run instead: ./bench run ...");
    }
  }

  private static void diff(String prefix, JsonNode was, JsonNode now, List<String> out) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    was.fieldNames().forEachRemaining(keys::add);
    now.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      JsonNode a = was.path(k);
      JsonNode b = now.path(k);
      if (!a.equals(b)) out.add(prefix + k + " was " + (a.isMissingNode() ? "unset" : a) + ", now " + (b.isMissingNode() ? "unset" : b));
    }
  }

  private static JsonNode tree(Object o) {
    try {
      return Json.mapper().readTree(Json.mapper().writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(String workload, String impl, long size, int threads) {
    return workload + "|" + impl + "|" + size + "|" + threads;
  }

  /** The plan without the cells {@code previous} already holds (whatever their status). */
  static Plan missing(Plan plan, RunRecord previous) {
    Set<String> done = new HashSet<>();
    for (CellResult m : previous.measurements()) done.add(key(m.workload(), m.implementation(), m.size(), m.threads()));
    List<Cell> left = new ArrayList<>();
    for (Cell c : plan.cells()) {
      if (!done.contains(key(c.workload().name(), c.implementation().id(), c.size(), c.threads()))) left.add(c);
    }
    return new Plan(left, plan.settings());
  }

  static Map<String, Object> session(Instant started, int firstCell, int planned, boolean resumed) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("started_at", started.toString());
    s.put("first_cell", firstCell);
    s.put("cells_planned", planned);
    s.put("resumed", resumed);
    return s;
  }

  /** {@code previous}, unfinished again, with one more session starting at its next cell. */
  static RunRecord nextSession(RunRecord previous, Instant started, int planned) {
    Map<String, Object> env = new LinkedHashMap<>(previous.environment());
    List<Object> sessions = new ArrayList<>();
    if (env.get("sessions") instanceof List<?> l) {
      sessions.addAll(l);
    } else {
      sessions.add(session(Instant.parse(previous.startedAt()), 0, planned, false));
    }
    sessions.add(session(started, previous.measurements().size(), planned, true));
    env.put("sessions", sessions);
    return new RunRecord(previous.schemaVersion(), previous.runId(), previous.startedAt(), null, previous.commandLine(),
        previous.settings(), env, previous.measurements());
  }

}
