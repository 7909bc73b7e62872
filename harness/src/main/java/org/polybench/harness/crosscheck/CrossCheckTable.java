package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.polybench.harness.view.Durations;

/** The crosscheck table: a section of summary.md and the console's closing table. */
public final class CrossCheckTable {
  private CrossCheckTable() {}

  /** The "Crosscheck" section of summary.md from the run folder's crosscheck.json; empty without one. */
  public static String section(Path runDir) {
    List<CrossCheckRow> rows;
    try {
      rows = CrossCheckFile.read(runDir);
    } catch (IOException e) {
      return "## Crosscheck\n\ncrosscheck.json could not be read: " + e.getMessage() + "\n\n";
    }
    return rows.isEmpty() ? "" : markdown(rows);
  }

  public static String markdown(List<CrossCheckRow> rows) {
    StringBuilder md = new StringBuilder("## Crosscheck\n\n")
        .append("Each cell measured by the harness and by its language's own benchmarking tool (JMH, pyperf, criterion), ")
        .append("one after the other, alternating, on the same seeded input. The ratio is the harness median over the referee's ")
        .append("median (of its repeated measurements: JMH iterations, pyperf values, criterion samples), with a 95% interval from ")
        .append("a hierarchical bootstrap over the harness's processes and the referee's processes; they agree when the whole ")
        .append(String.format(Locale.ROOT, "interval lies within [%.2f, %.2f]. The referee figure is the tool's own estimate ", Agreement.LOW, Agreement.HIGH))
        .append("(JMH's score, pyperf's mean, criterion's slope).\n\n")
        .append("| cell | referee | harness median | referee median | referee figure | ratio (95% CI) | agree |\n")
        .append("|---|---|---:|---:|---:|---:|---|\n");
    for (CrossCheckRow r : rows) {
      md.append("| ").append(r.label()).append(" | ").append(r.referee() == null ? "—" : r.referee()).append(" | ");
      if ("ok".equals(r.status())) {
        md.append(Durations.format(r.harnessMedianNs())).append(" | ").append(Durations.format(r.refereeMedianNs())).append(" | ")
            .append(Durations.format(r.refereeFigureNs())).append(" (").append(r.refereeFigureKind()).append(") | ")
            .append(ratio(r)).append(" | ").append(r.agrees() ? "yes" : "**no**").append(" |\n");
      } else {
        md.append(r.status()).append(": ").append(r.error() == null ? "" : r.error().replace("|", "\\|").replace("\n", " ")).append(" | | | | |\n");
      }
    }
    long ok = rows.stream().filter(r -> "ok".equals(r.status())).count();
    long agree = rows.stream().filter(r -> Boolean.TRUE.equals(r.agrees())).count();
    md.append('\n').append(String.format(Locale.ROOT, "%d of %d cells measured on both sides agree.%n%n", agree, ok));
    return md.toString();
  }

  /** Fixed-width lines for the console. */
  public static String console(List<CrossCheckRow> rows) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-38s %-10s %12s %12s %22s  %s%n",
        "cell", "referee", "harness", "referee", "ratio (95% CI)", "agree"));
    for (CrossCheckRow r : rows) {
      if ("ok".equals(r.status())) {
        s.append(String.format(Locale.ROOT, "%-38s %-10s %12s %12s %22s  %s%n", r.label(), r.referee(),
            Durations.format(r.harnessMedianNs()), Durations.format(r.refereeMedianNs()), ratio(r), r.agrees() ? "yes" : "NO"));
      } else {
        s.append(String.format(Locale.ROOT, "%-38s %-10s %s: %s%n", r.label(), r.referee() == null ? "-" : r.referee(), r.status(), r.error()));
      }
    }
    return s.toString();
  }

  static String ratio(CrossCheckRow r) {
    return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", r.ratio(), r.ratioCiLow(), r.ratioCiHigh());
  }
}
