package org.polybench.harness.report;

import org.polybench.harness.stats.CellStats;
import java.nio.file.Path;
import org.polybench.harness.view.ReportFormat;
import org.polybench.harness.view.Cells;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/** The per-workload tables of {@link SummaryMarkdown} as aligned plain text for the terminal. */
public final class ConsoleSummary implements ReportFormat {
  @Override
  public String name() {
    return "console";
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, PrintStream console) {
    console.println();
    print(run, console);
    return List.of();
  }

  public static void print(RunRecord run, PrintStream out) {
    out.print(render(run));
    out.flush();
  }

  /** A threaded workload's speedups, each implementation at its own (calibrated) size, as summary.md has them. */
  private static void speedups(StringBuilder sb, RunRecord run, WorkloadTable t) {
    var found = org.polybench.harness.view.ThreadScaling.of(run, t);
    if (found.isEmpty()) return;
    var s = found.get();
    sb.append(t.workload()).append(": speedup vs 1 thread [95% CI]")
        .append(s.calibrated() ? ", each at its calibrated size (n)" : s.size() > 0 ? " at " + Numbers.size(s.size()) : ", each at its largest size (n)")
        .append('\n');
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("implementation", "threads between calls", "n"));
    for (int th : s.threads()) head.add(th + (th == 1 ? " thread" : " threads"));
    rows.add(head);
    for (var l : s.lines()) {
      List<String> row = new ArrayList<>(List.of(l.label(), l.threadsBetweenCalls().isEmpty() ? Cells.MISSING : l.threadsBetweenCalls(),
          Numbers.size(l.size())));
      for (int th : s.threads()) {
        var p = l.at(th);
        row.add(p == null ? Cells.MISSING : p.speedupText());
      }
      rows.add(row);
    }
    align(sb, rows);
  }

  public static String render(RunRecord run) {
    StringBuilder sb = new StringBuilder();
    List<WorkloadTable> tables = WorkloadTable.of(run);
    for (WorkloadTable t : tables) {
      sb.append(t.workload()).append(": median time per iteration (±95% CI half-width)\n");
      List<List<String>> rows = new ArrayList<>();
      rows.add(headerRow(t));
      for (WorkloadTable.Row r : t.rows()) {
        List<String> row = new ArrayList<>(List.of(r.label(), r.kind()));
        for (long size : t.sizes()) {
          row.add(Cells.time(r.cell(size), false));
        }
        rows.add(row);
      }
      align(sb, rows);
      sb.append(t.workload()).append(": factor vs fastest [95% CI]\n");
      rows = new ArrayList<>();
      rows.add(headerRow(t));
      for (WorkloadTable.Row r : t.rows()) {
        List<String> row = new ArrayList<>(List.of(r.label(), r.kind()));
        for (long size : t.sizes()) {
          row.add(Cells.factor(t, r, size));
        }
        rows.add(row);
      }
      align(sb, rows);
      speedups(sb, run, t);
      sb.append('\n');
    }
    if (tables.isEmpty()) {
      sb.append("No measurements.\n");
    }
    if (sb.indexOf(Cells.LOW_CONFIDENCE) >= 0) {
      sb.append(Cells.LOW_CONFIDENCE)
          .append(" too few iterations for a 95% interval: the ± range is min..max of the samples.\n");
    }
    if (sb.indexOf(Cells.UNSTEADY) >= 0) {
      sb.append(Cells.UNSTEADY)
          .append(" take with care: the cell's processes disagreed by over ").append(Numbers.percent(CellStats.SPREAD_WARNING))
          .append(", or it was still getting faster while measured (summary.md explains).\n");
    }
    String busy = org.polybench.harness.view.MachineLoad.of(run).warning();
    if (busy != null) sb.append("warning: ").append(busy).append('\n');
    Map<String, Integer> notCharted = new TreeMap<>();
    for (CellResult m : run.measurements()) {
      if (!m.usable()) {
        notCharted.merge(Cells.statusWord(m), 1, Integer::sum);
      }
    }
    if (!notCharted.isEmpty()) {
      int total = notCharted.values().stream().mapToInt(Integer::intValue).sum();
      List<String> parts = new ArrayList<>();
      notCharted.forEach((k, v) -> parts.add(v + " " + k));
      sb.append(total)
          .append(total == 1 ? " cell" : " cells")
          .append(" not charted (")
          .append(String.join(", ", parts))
          .append("): see \"Cells not charted\" in ")
          .append(SummaryMarkdown.FILE_NAME)
          .append(" for the errors.\n");
    }
    return sb.toString();
  }

  private static List<String> headerRow(WorkloadTable t) {
    List<String> h = new ArrayList<>(List.of("implementation", "kind"));
    for (long size : t.sizes()) {
      h.add(Numbers.size(size));
    }
    return h;
  }

  /** Two-space indent; text columns left-aligned, numeric columns right-aligned. */
  private static void align(StringBuilder sb, List<List<String>> rows) {
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < cols; c++) {
        String cell = r.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c < 2 ? cell + pad : pad + cell);
        if (c < cols - 1) {
          line.append("   ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
