package org.polybench.harness.claims;

import java.util.List;
import org.polybench.harness.store.RunRecord;

/** What ./bench claims prints: every claim with all its estimates and gaps, then the verdict table. */
public final class ClaimsText {
  private ClaimsText() {}

  public static String details(Registry reg, List<Outcome> outcomes, RunRecord run) {
    StringBuilder sb = new StringBuilder();
    sb.append("run ").append(run.runId()).append(": ").append(outcomes.size()).append(" claims and findings\n\n");
    for (Outcome o : outcomes) {
      ClaimSpec c = o.spec();
      sb.append(c.id()).append(": ").append(o.verdict().word().toUpperCase(java.util.Locale.ROOT)).append('\n');
      if (!c.quote().isEmpty()) sb.append("  \"").append(c.quote()).append("\"");
      List<String> titles = reg.titles(c);
      if (!titles.isEmpty()) sb.append(c.quote().isEmpty() ? "  " : " ").append("(").append(String.join("; ", titles)).append(")");
      if (!c.quote().isEmpty() || !titles.isEmpty()) sb.append('\n');
      sb.append("  ").append(c.mapping()).append('\n');
      if (o.range() != null) {
        String unit = o.headline() == null ? "x" : o.headline().unit();
        sb.append("  range: ").append(Evaluator.rangeText(o.range(), unit)).append('\n');
      }
      if (o.crossings().isEmpty()) {
        for (Estimate e : o.estimates()) {
          sb.append("  ").append(e.label()).append(" = ").append(e.text())
              .append(e.position() == Estimate.Position.NO_RANGE ? "" : " (" + e.position().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
              .append('\n');
        }
      }
      if (!o.crossings().isEmpty()) {
        for (Estimate e : o.estimates()) sb.append("  ").append(e.label()).append(" = ").append(e.text()).append('\n');
      }
      for (Crossing x : o.crossings()) {
        sb.append("  ").append(x.workload()).append(": ").append(x.numerator()).append(" / ").append(x.denominator())
            .append(" crosses ").append(x.text()).append('\n');
      }
      for (Missing m : o.missing()) {
        sb.append("  ").append(m.optional() ? "noted: " : "missing: ").append(m.text()).append('\n');
      }
      for (Outcome a : o.also()) {
        sb.append("  and: ").append(a.spec().statement()).append(": ").append(a.verdict().word()).append(" (").append(a.reason()).append(")\n");
      }
      sb.append("  why: ").append(o.reason()).append("\n\n");
    }
    sb.append(VerdictTable.text(outcomes));
    return sb.toString();
  }
}
