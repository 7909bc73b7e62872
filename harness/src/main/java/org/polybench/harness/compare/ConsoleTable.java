package org.polybench.harness.compare;

import java.util.ArrayList;
import java.util.List;

/** The terminal table of ./bench compare: one row per compared cell, then what was not compared. */
public final class ConsoleTable implements ComparisonFormat {
  @Override
  public String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("base: ").append(describe(c.base())).append('\n');
    sb.append("new:  ").append(describe(c.next())).append('\n');
    c.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
    sb.append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"cell", "base", "new", "change", "95% CI", "p (corr.)", "verdict"});
    for (CellChange x : c.changes()) {
      rows.add(new String[] {x.cell().label(), c.metric().format(x.baseMedian()), c.metric().format(x.newMedian()),
          ComparisonFormat.change(x.ratio()), ComparisonFormat.interval(x), ComparisonFormat.p(x.pAdjusted()), x.verdict().word()});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String cell = r[i];
        boolean left = i == 0 || i == r.length - 1;
        String pad = " ".repeat(width[i] - cell.length());
        line.append(left ? cell + pad : pad + cell).append(i < r.length - 1 ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append(ComparisonFormat.method(c)).append('\n');
    if (!c.notCompared().isEmpty()) {
      sb.append("\nnot compared:\n");
      c.notCompared().forEach(n -> sb.append("  ").append(n.cell().label()).append(": ").append(n.reason()).append('\n'));
    }
    if (!c.onlyInBase().isEmpty()) sb.append("\nonly in base: ").append(labels(c.onlyInBase())).append('\n');
    if (!c.onlyInNew().isEmpty()) sb.append("\nonly in new: ").append(labels(c.onlyInNew())).append('\n');
    sb.append('\n').append(ComparisonFormat.outcome(c)).append('\n');
    return sb.toString();
  }

  static String describe(Comparison.Side s) {
    StringBuilder sb = new StringBuilder(s.source()).append(" (run ").append(s.runId());
    if (s.commit() != null) sb.append(", commit ").append(s.commit(), 0, Math.min(12, s.commit().length())).append(s.dirty() ? "+dirty" : "");
    return sb.append(", ").append(s.machine()).append(')').toString();
  }

  static String labels(List<CellKey> keys) {
    return String.join(", ", keys.stream().map(CellKey::label).toList());
  }
}
