package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.polybench.harness.store.CellResult;

/**
 * Throughput and per-document latency of workloads whose size is in bytes (tokenize), shared by
 * the charts and summary.md: MB/s is size / median time (1 MB = 10^6 bytes); tokens/s takes the
 * token count from a {@code docs+tokens+fnv64} checksum ("count:hash"); latency percentiles come from
 * the runner's {@code extra.doc_latency_ns}.
 */
public final class Throughput {
  /** The percentiles of {@code extra.doc_latency_ns}, in order, with their labels. */
  public static final List<String> PERCENTILE_KEYS = List.of("p50", "p90", "p99", "p99_9", "max");

  public static final List<String> PERCENTILE_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");

  private Throughput() {}

  /** Megabytes (10^6 bytes) per second at a time per iteration of {@code ns}. */
  public static double mbPerSecond(long sizeBytes, double ns) {
    return ns <= 0 ? Double.NaN : sizeBytes / ns * 1e3;
  }

  /** MB/s of a usable cell's median, or NaN. */
  public static double mbPerSecond(CellResult m) {
    return m == null || m.medianNs() == null ? Double.NaN : mbPerSecond(m.size(), m.medianNs());
  }

  /** The token count of a {@code docs+tokens+fnv64} checksum, or empty. */
  public static OptionalDouble tokens(CellResult m) {
    if (m == null || m.checksum() == null || !"docs+tokens+fnv64".equals(m.checksumKind())) {
      return OptionalDouble.empty();
    }
    int colon = m.checksum().indexOf(':');
    try {
      return OptionalDouble.of(Long.parseLong(colon < 0 ? m.checksum() : m.checksum().substring(0, colon)));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** Tokens per second at the median, or NaN. */
  public static double tokensPerSecond(CellResult m) {
    OptionalDouble t = tokens(m);
    if (t.isEmpty() || m.medianNs() == null || m.medianNs() <= 0) {
      return Double.NaN;
    }
    return t.getAsDouble() / m.medianNs() * 1e9;
  }

  /** "123 MB/s", "4.56 MB/s". */
  public static String formatMb(double mbPerSecond) {
    return Numbers.sig3(mbPerSecond) + " MB/s";
  }

  /** "4.56M tok/s". */
  public static String formatTokens(double tokensPerSecond) {
    return Numbers.sizeCompact(tokensPerSecond) + " tok/s";
  }

  /**
   * The cell's per-document latency percentiles (ns) in {@link #PERCENTILE_KEYS} order, or an
   * empty list when the runner reported none (a batch variant has no per-document times).
   */
  public static List<Double> latencies(CellResult m) {
    if (m == null || m.extra() == null || !(m.extra().get("doc_latency_ns") instanceof Map<?, ?> lat)) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (String k : PERCENTILE_KEYS) {
      if (!(lat.get(k) instanceof Number n)) {
        return List.of();
      }
      out.add(n.doubleValue());
    }
    return out;
  }

  /**
   * The summary.md sections of a workload sized in bytes: throughput per implementation and size,
   * and the per-document latency percentiles at the largest size that has them. Nothing otherwise.
   */
  public static void markdown(StringBuilder md, WorkloadTable t) {
    if (!t.hasUsable()) {
      return;
    }
    md.append("### Throughput (higher is better)\n\n")
        .append("Size / median time per iteration, 1 MB = 10^6 bytes; tokens/s counts the ids produced.\n\n");
    md.append("| implementation | kind |");
    for (long size : t.sizes()) {
      md.append(' ').append(Numbers.size(size)).append(" |");
    }
    md.append("\n|---|---|").append("---:|".repeat(t.sizes().size())).append('\n');
    for (WorkloadTable.Row r : t.rows()) {
      md.append("| `").append(r.label()).append("` | ").append(r.kind()).append(" |");
      for (long size : t.sizes()) {
        CellResult m = r.cell(size);
        String cell;
        if (m == null) {
          cell = Cells.MISSING;
        } else if (!m.usable()) {
          cell = Cells.statusWord(m);
        } else {
          double tps = tokensPerSecond(m);
          cell = formatMb(mbPerSecond(m)) + (Double.isNaN(tps) ? "" : ", " + formatTokens(tps));
        }
        md.append(' ').append(cell).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');

    long size = -1;
    for (long s : t.sizes()) {
      for (WorkloadTable.Row r : t.rows()) {
        if (!latencies(r.usable(s)).isEmpty()) size = Math.max(size, s);
      }
    }
    if (size < 0) {
      return;
    }
    md.append("### Latency per document at ").append(t.sizePhrase(size)).append("\n\n")
        .append("Percentiles over every document of the measured iterations (nearest rank), ")
        .append("from one clock read per document boundary inside the timed loop.\n\n");
    md.append("| implementation |");
    for (String p : PERCENTILE_LABELS) {
      md.append(' ').append(p).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(PERCENTILE_LABELS.size())).append('\n');
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      if (m == null) {
        continue;
      }
      List<Double> l = latencies(m);
      md.append("| `").append(r.label()).append("` |");
      for (int i = 0; i < PERCENTILE_LABELS.size(); i++) {
        md.append(' ').append(l.isEmpty() ? (i == 0 ? "no per-document times (one batch call)" : "") : Durations.format(l.get(i))).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** Labels to latency for a table: {"p50": 1.2e3, ...}. */
  public static Map<String, Double> latencyMap(CellResult m) {
    List<Double> l = latencies(m);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < l.size(); i++) {
      out.put(PERCENTILE_LABELS.get(i), l.get(i));
    }
    return out;
  }
}
