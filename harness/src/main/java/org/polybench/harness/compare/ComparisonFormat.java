package org.polybench.harness.compare;

import java.util.List;
import java.util.Locale;

/** One way of showing a {@link Comparison}: a console table, a pull-request comment, JSON. */
public interface ComparisonFormat {
  String render(Comparison c);

  /** The --format names, the default first. */
  List<String> NAMES = List.of("console", "markdown", "json");

  /** The format of a --format name, or null for an unknown one. */
  static ComparisonFormat byName(String name) {
    return switch (name) {
      case "console" -> new ConsoleTable();
      case "markdown" -> new MarkdownComment();
      case "json" -> new JsonReport();
      default -> null;
    };
  }

  /** "+2.3%": the change a ratio NEW/BASE means. */
  static String change(double ratio) {
    double pct = (ratio - 1) * 100;
    String s = String.format(Locale.ROOT, Math.abs(pct) < 10 ? "%+.1f%%" : "%+.0f%%", pct);
    return s.replace('-', '−');
  }

  /** "[−0.9%, +5.4%]": the interval of a change. */
  static String interval(CellChange c) {
    if (Double.isNaN(c.pValue()) && c.ratioLow() == c.ratioHigh()) return "–"; // a deterministic count has no interval
    return "[" + change(c.ratioLow()) + ", " + change(c.ratioHigh()) + "]";
  }

  /** "0.003", "<0.001", "1.00". */
  static String p(double p) {
    if (Double.isNaN(p)) return "–";
    if (p < 0.001) return "<0.001";
    return String.format(Locale.ROOT, p < 0.01 ? "%.3f" : "%.2f", p);
  }

  /** A one-paragraph outcome: what got slower, what faster, how many unchanged. */
  static String outcome(Comparison c) {
    StringBuilder sb = new StringBuilder();
    List<CellChange> slow = c.regressions();
    List<CellChange> fast = c.improvements();
    int same = c.changes().size() - slow.size() - fast.size();
    String thr = String.format(Locale.ROOT, "%.4g%%", c.options().threshold() * 100).replaceAll("\\.?0+%$", "%");
    if (slow.isEmpty()) sb.append("no regression beyond ").append(thr);
    else {
      sb.append(slow.size()).append(slow.size() == 1 ? " regression" : " regressions").append(" beyond ").append(thr).append(": ");
      sb.append(String.join(", ", slow.stream().map(x -> x.cell().label() + " (" + change(x.ratio()) + ")").toList()));
    }
    sb.append("; ").append(fast.size()).append(" faster, ").append(same).append(" unchanged of ").append(c.changes().size()).append(" compared");
    if (!c.notCompared().isEmpty()) sb.append("; ").append(c.notCompared().size()).append(" not compared");
    return sb.toString();
  }

  static String method(Comparison c) {
    if (c.metric() == Comparison.Metric.INSTRUCTIONS) {
      return String.format(Locale.ROOT,
          "ratio NEW/BASE of instructions per kernel call (valgrind callgrind; deterministic, so no test): a change needs a ratio >= %.4g or <= %.4g",
          c.options().slowerAt(), c.options().fasterAt());
    }
    return String.format(Locale.ROOT,
        "ratio NEW/BASE of medians, 95%% hierarchical bootstrap interval; Mann-Whitney U, %s-corrected over %d cells, "
            + "alpha %s; a change needs p < alpha, a ratio >= %.4g or <= %.4g, and an interval excluding 1",
        c.options().correction().label(), c.changes().size(), c.options().alpha(), c.options().slowerAt(), c.options().fasterAt());
  }
}
