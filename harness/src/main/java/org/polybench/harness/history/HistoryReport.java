package org.polybench.harness.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polybench.harness.view.Durations;

/**
 * ./bench history report: a trend per cell and machine, its change points (E-Divisive means),
 * a chart of each, and report.md listing every change with its run, commit, size and confidence.
 */
public final class HistoryReport {
  private HistoryReport() {}

  /** The trends of every (machine, cell, metric) in the history, oldest run first. */
  public static List<Trend> trends(List<HistoryStore.Point> points, EDivisive detector) {
    Map<String, List<HistoryStore.Point>> bySeries = new LinkedHashMap<>();
    for (HistoryStore.Point p : points) {
      bySeries.computeIfAbsent(p.machine() + "\u0000" + p.cell() + "\u0000" + p.metric(), k -> new ArrayList<>()).add(p);
    }
    return bySeries.values().stream().map(ps -> Trend.of(ps, detector)).toList();
  }

  /** Writes charts/ and report.md into {@code out}; returns report.md. */
  public static Path write(List<Trend> trends, String source, int runs, Path out) throws IOException {
    Files.createDirectories(out);
    StringBuilder md = new StringBuilder("# polybench history\n\n");
    md.append(runs).append(" runs in ").append(source).append("; ").append(trends.size()).append(" trends (cell x machine).\n\n");
    md.append("Change points: E-Divisive means (Matteson and James 2014, as MongoDB's signal-processing) over the runs' medians, ")
        .append("permutation test at alpha 0.05, at least 3 runs on each side of a change. Size: median of the runs after the change ")
        .append("over the median of the runs before it.\n\n");
    List<String> changes = new ArrayList<>();
    StringBuilder table = new StringBuilder("| cell | machine | runs | latest value | changes | chart |\n|---|---|---:|---:|---|---|\n");
    for (Trend t : trends) {
      Path chart = TrendChart.write(t, out.resolve("charts").resolve(fileName(t)));
      String rel = out.relativize(chart).toString();
      HistoryStore.Point last = t.points().get(t.points().size() - 1);
      table.append("| ").append(t.cell().label()).append(HistoryStore.INSTRUCTIONS.equals(t.metric()) ? " (instructions)" : "").append(" | ").append(t.machine()).append(" | ").append(t.points().size())
          .append(" | ").append(HistoryStore.INSTRUCTIONS.equals(t.metric())
              ? String.format(Locale.ROOT, "%,.0f instructions", last.median()) : Durations.format(last.median())).append(" | ").append(t.changes().size())
          .append(" | [png](").append(rel).append(") |\n");
      for (Trend.Change c : t.changes()) {
        changes.add(String.format(Locale.ROOT, "- **%s**" + (HistoryStore.INSTRUCTIONS.equals(t.metric()) ? " (instructions)" : "") + " on %s: %+.1f%% from run %s (%s, commit %s%s), confidence %.1f%% (p %.3f)",
            t.cell().label(), t.machine(), (c.ratio() - 1) * 100, c.run().runId(), c.run().startedAt(),
            c.run().commit() == null ? "unknown" : c.run().commit(), c.run().dirty() ? ", dirty" : "", c.confidence() * 100, c.pValue()));
      }
    }
    md.append("## Changes\n\n");
    if (changes.isEmpty()) {
      int longest = trends.stream().mapToInt(t -> t.points().size()).max().orElse(0);
      md.append("None found").append(longest < 6 ? " (a change needs at least 6 runs of a cell; the longest trend has " + longest + ")" : "").append(".\n");
    } else {
      changes.forEach(c -> md.append(c).append('\n'));
    }
    md.append("\n## Trends\n\n").append(table);
    Path report = out.resolve("report.md");
    Files.writeString(report, md.toString());
    return report;
  }

  static String fileName(Trend t) {
    String cell = (t.metric().equals(HistoryStore.INSTRUCTIONS) ? "instructions-" : "") + (t.cell().workload() + "-" + t.cell().implementation() + "-" + t.cell().size()
        + (t.cell().threads() > 1 ? "-t" + t.cell().threads() : "")).replaceAll("[^A-Za-z0-9._-]", "_");
    return cell + "-" + digest(t.machine()) + ".png";
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
