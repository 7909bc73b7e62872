package org.polybench.harness.view;

import java.util.Map;
import org.polybench.harness.store.CellResult;

/**
 * For runners that start a language inside their process (python/graalpy: a GraalPy context in the
 * JVM), what that start-up costs, reported apart from the timings ({@code extra.context_startup_ns},
 * and {@code extra.import_ns} for importing the workload's Python modules), beside whether the
 * code was JIT-compiled ({@code runtime.compilation}).
 */
public final class StartupCosts {
  private StartupCosts() {}

  /** Appends the table for one workload, or nothing when no cell reported a start-up. */
  public static void markdown(StringBuilder md, WorkloadTable t) {
    StringBuilder rows = new StringBuilder();
    for (WorkloadTable.Row r : t.rows()) {
      for (long size : t.sizes()) {
        CellResult m = r.usable(size);
        Long startup = m == null ? null : nanos(m.extra(), "context_startup_ns");
        if (startup == null) {
          continue;
        }
        Long imports = nanos(m.extra(), "import_ns");
        Object compilation = m.runtime() == null ? null : m.runtime().get("compilation");
        rows.append("| `").append(r.label()).append("` | ").append(Numbers.size(size)).append(" | ")
            .append(Durations.format(startup)).append(" | ")
            .append(imports == null ? Cells.MISSING : Durations.format(imports)).append(" | ")
            .append(compilation == null ? "not reported" : compilation).append(" | ")
            .append(Durations.format(m.medianNs())).append(" |\n");
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("### Start-up outside the timings\n\n")
        .append("Creating the language context inside the runner's process (not timed in the samples), ")
        .append("importing the workload's modules, and whether the code ran JIT-compiled or interpreter-only.\n\n")
        .append("| implementation | size | context start-up | imports | compilation | median |\n")
        .append("|---|---:|---:|---:|---|---:|\n")
        .append(rows)
        .append('\n');
  }

  private static Long nanos(Map<String, Object> extra, String key) {
    return extra != null && extra.get(key) instanceof Number n ? n.longValue() : null;
  }
}
