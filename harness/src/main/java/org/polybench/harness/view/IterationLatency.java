package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.stats.LatencyPercentiles;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;

/**
 * The per-iteration latency of one cell as tables and charts show it: the percentiles of its
 * pooled measured samples ({@link LatencyPercentiles}, computed once in stats) beside the
 * collections of the same calls ({@code extra.gc} summed over the processes whose samples are
 * pooled), so a tail can be laid beside the collections that may explain it.
 *
 * @param gcCollections null when no process reported its collections
 * @param gcPauseNs null when no process reported a pause time
 * @param gcMaxPauseNs the longest single pause any process reported; null when none did
 */
public record IterationLatency(LatencyPercentiles percentiles, Long gcCollections, Long gcPauseNs, Long gcMaxPauseNs) {

  /** The figures of a cell with samples, or null. */
  public static IterationLatency of(CellResult m) {
    LatencyPercentiles p = m == null ? null : m.latency();
    if (p == null) return null;
    Long collections = null;
    Long pause = null;
    Long maxPause = null;
    for (Invocation i : m.invocations()) {
      if (i.samplesNs() == null || i.samplesNs().isEmpty() || i.extra() == null) continue;
      if (!(i.extra().get("gc") instanceof Map<?, ?> gc)) continue;
      collections = add(collections, gc.get("collections"));
      pause = add(pause, gc.get("pause_ns"));
      if (gc.get("max_pause_ns") instanceof Number n) maxPause = maxPause == null ? n.longValue() : Math.max(maxPause, n.longValue());
    }
    return new IterationLatency(p, collections, pause, maxPause);
  }

  /**
   * How many of the measured calls saw at least one collection, and of how many calls: from the
   * runners' {@code extra.gc_per_iteration} (one count per measured call, binary-trees), summed over
   * the processes whose list matches their samples one to one; null when none reported it.
   */
  public static int[] callsWithCollections(CellResult m) {
    if (m == null) return null;
    int with = 0;
    int calls = 0;
    for (Invocation i : m.invocations()) {
      if (i.samplesNs() == null || i.samplesNs().isEmpty() || i.extra() == null) continue;
      if (!(i.extra().get("gc_per_iteration") instanceof List<?> per) || per.size() != i.samplesNs().size()) continue;
      calls += per.size();
      for (Object n : per) if (n instanceof Number x && x.longValue() > 0) with++;
    }
    return calls == 0 ? null : new int[] {with, calls};
  }

  private static Long add(Long sum, Object o) {
    if (!(o instanceof Number n)) return sum;
    return (sum == null ? 0 : sum) + n.longValue();
  }

  /** One percentile for a table: its duration, or "n/a (needs ≥ 1,000 samples)". */
  public static String format(LatencyPercentiles p, int index) {
    Long v = p.values().get(index);
    if (v != null) return Durations.format(v);
    return "n/a (needs ≥ " + Numbers.size(LatencyPercentiles.minSamples(LatencyPercentiles.PER_MILLE.get(index))) + ")";
  }

  /** The summary.md section of a workload: one row per implementation and size with samples. */
  public static void markdown(StringBuilder md, WorkloadTable t) {
    List<String> rows = new ArrayList<>();
    boolean anyMissing = false;
    boolean anyBatched = false;
    for (WorkloadTable.Row r : t.rows()) {
      for (long size : t.sizes()) {
        IterationLatency l = of(r.usable(size));
        if (l == null) continue;
        LatencyPercentiles p = l.percentiles();
        long calls = r.usable(size).callsPerSample();
        anyBatched |= calls > 1;
        StringBuilder row = new StringBuilder("| `").append(r.label()).append("` | ").append(Numbers.size(size)).append(" | ")
            .append(Numbers.size(p.n())).append(calls > 1 ? " samples of " + Numbers.size(calls) + " calls" : "").append(" |");
        for (int i = 0; i < LatencyPercentiles.LABELS.size(); i++) {
          row.append(' ').append(format(p, i)).append(" |");
          anyMissing |= p.values().get(i) == null;
        }
        row.append(' ').append(l.gcCollections() == null ? "–" : l.gcCollections().toString()).append(" | ")
            .append(l.gcPauseNs() == null ? "–" : Durations.format(l.gcPauseNs())).append(" | ")
            .append(l.gcMaxPauseNs() == null ? "–" : Durations.format(l.gcMaxPauseNs())).append(" |");
        rows.add(row.toString());
      }
    }
    if (rows.isEmpty()) return;
    md.append("### Latency per iteration\n\n")
        .append("Percentiles of the measured iterations' times (one timed kernel call each; warm-up left out), pooled over ")
        .append("the cell's processes, by nearest rank; n is the number of samples they rest on. A percentile q is shown only ")
        .append("when n ≥ 1/(1 − q) (p99: 100, p99.9: 1,000 samples): with fewer, the nearest rank is the maximum by ")
        .append("construction. GCs and GC time are the collections in the same measured calls, summed over the processes ")
        .append("(max pause: the longest single one reported; Rust: none by construction)");
    if (anyMissing) {
      md.append("; more samples: `--iterations N` (per process) and `--invocations N`");
    }
    if (anyBatched) {
      md.append(". Where n says \"samples of K calls\", a call was too short to time alone: each sample timed K calls ")
          .append("and holds their mean, so these are percentiles per sample, not per call (a single slow call is spread over K)");
    }
    md.append(".\n\n");
    md.append("| implementation | size | n |");
    LatencyPercentiles.LABELS.forEach(label -> md.append(' ').append(label).append(" |"));
    md.append(" GCs | GC time | max pause |\n");
    md.append("|---|---:|---:|").append("---:|".repeat(LatencyPercentiles.LABELS.size())).append("---:|---:|---:|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    md.append('\n');
  }
}
