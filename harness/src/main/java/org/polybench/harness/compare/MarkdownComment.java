package org.polybench.harness.compare;


/** The comparison as a pull-request comment: the outcome first, then the table, then the details folded. */
public final class MarkdownComment implements ComparisonFormat {
  @Override
  public String render(Comparison c) {
    StringBuilder sb = new StringBuilder("## polybench: ");
    sb.append(c.regressions().isEmpty() ? "no regression" : c.regressions().size() + " slower").append("\n\n");
    sb.append(cap(ComparisonFormat.outcome(c))).append(".\n\n");
    sb.append("| cell | base | new | change | 95% CI | p (corr.) | verdict |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---|\n");
    for (CellChange x : c.changes()) {
      String verdict = switch (x.verdict()) {
        case SLOWER -> "**slower**";
        case FASTER -> "faster";
        case NO_CHANGE -> "~";
      };
      sb.append("| ").append(esc(x.cell().label())).append(" | ").append(c.metric().format(x.baseMedian()))
          .append(" | ").append(c.metric().format(x.newMedian())).append(" | ").append(ComparisonFormat.change(x.ratio()))
          .append(" | ").append(ComparisonFormat.interval(x)).append(" | ").append(ComparisonFormat.p(x.pAdjusted()))
          .append(" | ").append(verdict).append(" |\n");
    }
    sb.append("\n").append(cap(ComparisonFormat.method(c))).append(".\n");
    if (!c.notCompared().isEmpty() || !c.onlyInBase().isEmpty() || !c.onlyInNew().isEmpty()) {
      sb.append("\n<details><summary>not compared</summary>\n\n");
      c.notCompared().forEach(n -> sb.append("- ").append(esc(n.cell().label())).append(": ").append(esc(n.reason())).append('\n'));
      c.onlyInBase().forEach(k -> sb.append("- ").append(esc(k.label())).append(": only in base\n"));
      c.onlyInNew().forEach(k -> sb.append("- ").append(esc(k.label())).append(": only in new\n"));
      sb.append("\n</details>\n");
    }
    sb.append("\nBase: ").append(esc(ConsoleTable.describe(c.base()))).append("  \nNew: ").append(esc(ConsoleTable.describe(c.next()))).append('\n');
    c.notes().forEach(n -> sb.append("\n> note: ").append(esc(n)).append('\n'));
    return sb.toString();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String esc(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;");
  }
}
