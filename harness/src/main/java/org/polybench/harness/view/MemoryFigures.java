package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;

/**
 * The memory figures of one cell, as the runners report them (docs/runner-protocol.md): peak RSS
 * (VmHWM at the end), the baseline ({@code extra.baseline_rss_bytes}: VmHWM before any input is
 * made), bytes per element {@code (peak - baseline) / Workload#elements(size)} ({@link
 * #bytesPerElement}, which the claims use too), the allocation of one untimed call
 * after the measured ones ({@code extra.alloc_bytes_per_call}, total bytes; {@code
 * extra.alloc_peak_bytes}, the most held at once) and the collections in the measured calls
 * ({@code extra.gc}). With several processes, the figures are those of the process with the
 * highest peak. A figure a runner did not report is null, never 0.
 */
public record MemoryFigures(
    Long peakRssBytes, Long baselineRssBytes, Double bytesPerElement, Long allocBytesPerCall, Long allocPeakBytes,
    Long gcCollections, Long gcPauseNs) {

  /** The field of {@code extra} the runners put their baseline RSS in. */
  public static final String BASELINE_FIELD = "baseline_rss_bytes";

  /** The figures of {@code m}, or null when it has no process that measured. */
  public static MemoryFigures of(CellResult m) {
    Invocation top = top(m);
    if (top == null) return null;
    Map<String, Object> extra = top.extra() == null ? Map.of() : top.extra();
    Long peak = top.peakRssBytes();
    Long baseline = number(extra.get(BASELINE_FIELD));
    Double perElement = bytesPerElement(m, BASELINE_FIELD);
    Long collections = null;
    Long pause = null;
    if (extra.get("gc") instanceof Map<?, ?> gc) {
      collections = number(gc.get("collections"));
      pause = number(gc.get("pause_ns"));
    }
    return new MemoryFigures(peak, baseline, perElement, number(extra.get("alloc_bytes_per_call")),
        allocPeak(m, top), collections, pause);
  }

  /**
   * The allocation call's peak: the top process's, or, where it did not trace the call (CPython
   * traces a cell's first process only, {@code --no-alloc-peak}), the first process's that did.
   */
  private static Long allocPeak(CellResult m, Invocation top) {
    Long own = top.extra() == null ? null : number(top.extra().get("alloc_peak_bytes"));
    if (own != null) return own;
    for (Invocation i : m.invocations()) {
      Long p = i.extra() == null || i.samplesNs() == null || i.samplesNs().isEmpty() ? null : number(i.extra().get("alloc_peak_bytes"));
      if (p != null) return p;
    }
    return null;
  }

  /**
   * The memory of {@code m}'s workload per element: {@code (peak - baseline) / elements}, where
   * elements is {@code Workload#elements(size)} (the size itself, or binary-trees' nodes alive at
   * the peak), peak and baseline ({@code extra.<baselineField>}) both of the process with the
   * highest peak; null when that process reported either not, or {@code m} has none that measured.
   * The memory table and the claims registry's bytes-per-element-ratio both use this.
   */
  public static Double bytesPerElement(CellResult m, String baselineField) {
    Invocation top = top(m);
    if (top == null || top.extra() == null || baselineField == null) return null;
    Long peak = top.peakRssBytes();
    Long baseline = number(top.extra().get(baselineField));
    double elements = org.polybench.harness.workload.Workloads.find(m.workload()).map(w -> w.elements(m.size())).orElse((double) m.size());
    return peak != null && baseline != null && elements > 0 ? (peak - baseline) / elements : null;
  }

  /** The process of {@code m} with samples and the highest peak RSS; null when none measured. */
  private static Invocation top(CellResult m) {
    if (m == null) return null;
    Invocation top = null;
    for (Invocation i : m.invocations()) {
      if (i.samplesNs() == null || i.samplesNs().isEmpty()) continue;
      if (top == null || (i.peakRssBytes() != null && (top.peakRssBytes() == null || i.peakRssBytes() > top.peakRssBytes()))) top = i;
    }
    return top;
  }

  private static Long number(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  /** Bytes in binary units with three significant digits: "6.91 MiB", "512 B" (whole bytes below 1 KiB); "–" for null. */
  public static String bytes(Double b) {
    if (b == null) return "–";
    double a = Math.abs(b);
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < units.length - 1 && a >= 1024) {
      a /= 1024;
      u++;
    }
    return (b < 0 ? "-" : "") + (u == 0 ? Long.toString(Math.round(a)) : Numbers.sig3(a)) + " " + units[u];
  }

  public static String bytes(Long b) {
    return b == null ? "–" : bytes((double) b);
  }

  /** The memory table of one workload for summary.md: one row per implementation and size with figures. */
  public static void markdown(StringBuilder md, WorkloadTable t) {
    List<String> rows = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      for (long size : t.sizes()) {
        MemoryFigures f = of(r.usable(size));
        if (f == null) continue;
        rows.add("| `" + r.label() + "` | " + Numbers.size(size) + " | " + bytes(f.peakRssBytes) + " | " + bytes(f.baselineRssBytes)
            + " | " + (f.bytesPerElement == null ? "–" : Numbers.sig3(f.bytesPerElement)) + " | " + bytes(f.allocBytesPerCall)
            + " | " + bytes(f.allocPeakBytes) + " | " + (f.gcCollections == null ? "–" : f.gcCollections.toString()) + " | "
            + (f.gcPauseNs == null ? "–" : Durations.format(f.gcPauseNs)) + " |");
      }
    }
    if (rows.isEmpty()) return;
    md.append("### Memory\n\n");
    md.append("Peak RSS is the runner process's VmHWM at the end; the baseline its VmHWM with the runtime and the variant's "
        + "libraries loaded, before any input is made (java/*: the peak of a fresh --baseline process on the empty input); bytes/elem = (peak − baseline) / ")
        .append(org.polybench.harness.workload.Workloads.find(t.workload()).map(w -> w.elementsDescription()).orElse("size (size in " + t.sizeUnit() + ")"))
        .append(", inputs and outputs included. Allocation: one untimed call after the measured ones "
            + "(Java, GraalPy: the calling thread's allocated bytes; Rust: a counting allocator around mimalloc; CPython: "
            + "hooks on its allocators, NumPy's data handler and the Rust extension's allocator; peak from tracemalloc). GC: collections in the measured calls and their time "
            + "(Rust: none by construction).\n\n");
    md.append("| implementation | size | peak RSS | baseline | bytes/elem | alloc/call | alloc peak | GCs | GC time |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    md.append('\n');
  }
}
