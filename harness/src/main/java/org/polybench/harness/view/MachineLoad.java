package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;

/**
 * How busy the machine was when a run's processes started, from each invocation's {@code
 * conditions} (run.Conditions): one summary for environment.conditions, one warning for summary.md
 * and the console.
 *
 * <p>An invocation started on a busy machine when, just before it started, the 1-minute load
 * average was above the logical CPUs ({@code load1 > cpus}): the harness's own runners, started
 * back to back, keep about one CPU busy and so add about 1 to it, which leaves more than {@code
 * cpus - 1} for others. {@code procs_running} is recorded but not part of the rule: it is an
 * instant, and counts the harness's own threads (its JIT and GC right after a runner's answer, a
 * runner still exiting); on an idle 2-CPU machine it read up to 6 for 57 of 108 processes.
 *
 * @param invocations processes in the run's cells
 * @param recorded those with conditions recorded (0 for results written before they were)
 * @param busy those that started on a busy machine
 * @param busyCells the cells ("workload implementation size") with at least one such process
 */
public record MachineLoad(int invocations, int recorded, int busy, List<String> busyCells, double maxLoad1, Integer maxProcsRunning) {

  public static MachineLoad of(RunRecord run) {
    int all = 0;
    int rec = 0;
    int busy = 0;
    double maxLoad = Double.NaN;
    Integer maxRunning = null;
    Set<String> cells = new LinkedHashSet<>();
    for (CellResult m : run.measurements()) {
      for (Invocation i : m.invocations()) {
        all++;
        Map<String, Object> c = i.conditions();
        if (c == null) continue;
        rec++;
        Double load = number(c.get("load1"));
        Double running = number(c.get("procs_running"));
        if (load != null) maxLoad = Double.isNaN(maxLoad) ? load : Math.max(maxLoad, load);
        if (running != null) maxRunning = maxRunning == null ? running.intValue() : Math.max(maxRunning, running.intValue());
        if (busy(c)) {
          busy++;
          cells.add(m.workload() + " " + m.implementation() + " " + Numbers.size(m.size()) + (m.threads() == 1 ? "" : " t" + m.threads()));
        }
      }
    }
    return new MachineLoad(all, rec, busy, List.copyOf(cells), maxLoad, maxRunning);
  }

  /** True when one invocation's conditions say the machine was busy as it started (see the class comment). */
  public static boolean busy(Map<String, Object> conditions) {
    Double cpus = number(conditions.get("logical_cpus"));
    if (cpus == null) return false;
    Double load = number(conditions.get("load1"));
    return load != null && load > cpus;
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  /** environment.conditions. */
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("invocations", invocations);
    s.put("recorded", recorded);
    s.put("busy_invocations", busy);
    s.put("busy_cells", busyCells.size());
    s.put("max_load1", Double.isNaN(maxLoad1) ? null : maxLoad1);
    s.put("max_procs_running", maxProcsRunning);
    s.put("busy_rule", "load1 > logical CPUs just before the process started");
    return s;
  }

  /** One sentence for summary.md and the console, or null when no process started on a busy machine. */
  public String warning() {
    if (busy == 0) return null;
    List<String> named = new ArrayList<>(busyCells.subList(0, Math.min(3, busyCells.size())));
    String more = busyCells.size() > named.size() ? " and " + (busyCells.size() - named.size()) + " more" : "";
    return String.format(java.util.Locale.ROOT,
        "the machine was busy when %d of %d processes started (load average up to %.2f, up to %s runnable; %d cell%s: %s%s): "
            + "their timings may be slower than this machine can do; rerun when it is idle (per invocation in results.json: conditions)",
        busy, recorded, maxLoad1, maxProcsRunning == null ? "?" : maxProcsRunning.toString(), busyCells.size(),
        busyCells.size() == 1 ? "" : "s", String.join(", ", named), more);
  }
}
