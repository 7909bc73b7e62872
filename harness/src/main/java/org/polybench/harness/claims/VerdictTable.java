package org.polybench.harness.claims;

import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Cells;

/**
 * The verdict table that ends summary.md and the console: one row per claim and finding (claim,
 * verdict, estimate [95% CI], one line of why).
 */
public final class VerdictTable {
  private VerdictTable() {}

  public static List<Outcome> outcomes(RunRecord run) {
    return Evaluator.evaluate(Registry.builtIn(), run);
  }

  /** The Markdown section, headed "Claims". */
  public static String markdown(List<Outcome> outcomes) {
    StringBuilder md = new StringBuilder("## Claims\n\n");
    md.append("Each claim's metric, the range its words imply and the rule are in the claims registry ")
        .append("(`claims.json`); report.html shows them beside each verdict. A verdict rests on the 95% bootstrap ")
        .append("interval (over the fresh processes, then their samples), not on the point estimate: **supported** ")
        .append("when every interval lies inside the range, **refuted** when every one lies outside, otherwise ")
        .append("**inconclusive**. Where a claim spans several cells, the estimate shown is the one closest to ")
        .append("the range's bound (the weakest support or the nearest miss); `./bench claims` lists them all.\n\n");
    md.append("| claim | verdict | estimate [95% CI] | why |\n|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      md.append("| `").append(o.spec().id()).append("` | ")
          .append(o.verdict() == Verdict.FINDING ? "finding" : "**" + o.verdict().word() + "**").append(" | ")
          .append(cell(estimate(o))).append(" | ").append(cell(o.reason())).append(" |\n");
    }
    md.append('\n');
    return md.toString();
  }

  /** Aligned plain text for the terminal. */
  public static String text(List<Outcome> outcomes) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"claim", "verdict", "estimate [95% CI]", "why"});
    for (Outcome o : outcomes) {
      rows.add(new String[] {o.spec().id(), o.verdict().word(), estimate(o), o.reason()});
    }
    int[] w = new int[3];
    for (String[] r : rows) for (int i = 0; i < 3; i++) w[i] = Math.max(w[i], r[i].length());
    StringBuilder sb = new StringBuilder("claims: verdicts (95% CIs; details: ./bench claims, report.html)\n");
    for (String[] r : rows) {
      sb.append("  ");
      for (int i = 0; i < 3; i++) sb.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 3));
      sb.append(r[3]).append('\n');
    }
    return sb.toString();
  }

  /** The headline estimate with its interval, or {@link Cells#MISSING}. */
  public static String estimate(Outcome o) {
    if (!o.crossings().isEmpty()) {
      Crossing first = o.crossings().get(0);
      return first.numerator() + " / " + first.denominator() + ": " + String.join("; ", o.crossings().stream()
          .filter(x -> x.workload().equals(first.workload()) && x.numerator().equals(first.numerator())).map(Crossing::text).toList());
    }
    return o.headline() == null ? Cells.MISSING : o.headline().text();
  }

  private static String cell(String s) {
    return org.polybench.harness.view.Markdown.cell(s);
  }
}
