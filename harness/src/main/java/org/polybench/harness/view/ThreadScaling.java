package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.polybench.harness.workload.Workload;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * How each implementation of a threaded workload scales with threads, shared by the speedup chart
 * and summary.md. Each implementation is compared at its own size: its calibrated size
 * ({@code settings.calibration}, plan.Calibration: one call on one thread lasts at least the target
 * time) when the run was calibrated and that size has usable cells at two or more thread counts,
 * else its largest such size (runs with --sizes, older runs). Speedup at T = median at 1 thread /
 * median at T threads, of the same implementation and size; efficiency = speedup / T.
 *
 * @param size the size every line is compared at when they share one, else 0 (see {@link Line#size})
 * @param threads every thread count with a usable cell at a line's size, ascending
 * @param lines one per implementation with usable cells at two or more thread counts, in table order
 * @param logicalCores the machine's logical core count (environment.machine), or null if unknown
 * @param cpuAffinity the distinct {@code extra.cpu_affinity} the runners reported, e.g. ["0-1"]
 */
public record ThreadScaling(
    String workload, String sizeUnit, long size, List<Integer> threads, List<Line> lines, Integer logicalCores,
    List<String> cpuAffinity) {

  /**
   * One implementation's usable cells at {@link #size}, by thread count.
   *
   * @param label the implementation id, plus " (no GIL)" when its runtime ran without the GIL
   * @param size the size this line's speedups are at
   * @param calibrated whether {@code size} is the implementation's calibrated size
   * @param threadsBetweenCalls "reused" or "new per call", from the catalogue description, or ""
   */
  public record Line(
      String implementation, String label, String kind, List<Point> points, long size, boolean calibrated,
      String threadsBetweenCalls) {
    /** The point at this thread count, or null. */
    public Point at(int threads) {
      return points.stream().filter(p -> p.threads() == threads).findFirst().orElse(null);
    }
  }

  /**
   * One usable cell.
   *
   * @param speedup median at 1 thread / this median; NaN when the 1-thread cell is not usable
   * @param poolStartupNs {@code extra.pool_startup_ns} (python/processes), or null
   * @param speedupInterval the speedup's 95% bootstrap interval ({@link Ratios}); null at the
   *     1-thread cell itself or without one
   */
  public record Point(int threads, long medianNs, double speedup, CellResult cell, Long poolStartupNs,
      org.polybench.harness.stats.Bootstrap.Interval speedupInterval) {
    public Point(int threads, long medianNs, double speedup, CellResult cell, Long poolStartupNs) {
      this(threads, medianNs, speedup, cell, poolStartupNs, null);
    }

    public double efficiency() {
      return speedup / threads;
    }

    /** "1.93x [1.80x, 2.05x]"; just "1.00x" at the 1-thread cell; "n/a" without one. */
    public String speedupText() {
      return speedupInterval == null ? ThreadScaling.speedup(speedup) : Ratios.withInterval(speedupInterval);
    }
  }

  /** Whether any line is at a calibrated size. */
  public boolean calibrated() {
    return lines.stream().anyMatch(Line::calibrated);
  }

  /**
   * The scaling of {@code t}'s workload, when it is a threaded workload (see
   * {@link Workload#threaded()}) with an implementation that has usable cells at more than one
   * thread count at one size; empty otherwise.
   */
  public static Optional<ThreadScaling> of(RunRecord run, WorkloadTable t) {
    boolean threaded = Workloads.sectionsOf(t.workload()).contains(org.polybench.harness.workload.Section.THREAD_SCALING);
    if (!threaded || t.largestUsableSize().isEmpty()) {
      return Optional.empty();
    }
    TreeSet<Integer> threads = new TreeSet<>();
    TreeSet<String> affinity = new TreeSet<>();
    TreeSet<Long> sizes = new TreeSet<>();
    List<String> order = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      if (!order.contains(r.implementation())) order.add(r.implementation());
    }
    List<Line> lines = new ArrayList<>();
    for (String impl : order) {
      List<WorkloadTable.Row> rows = t.rows().stream().filter(r -> r.implementation().equals(impl)).toList();
      long calibratedSize = org.polybench.harness.plan.Calibration.sizeIn(run.settings(), t.workload(), impl);
      long size = usableThreadCounts(rows, calibratedSize) >= 2 ? calibratedSize : 0;
      if (size == 0) {
        TreeSet<Long> candidates = new TreeSet<>();
        for (WorkloadTable.Row r : rows) {
          for (CellResult m : r.cells().values()) {
            if (m != null && m.usable()) candidates.add(m.size());
          }
        }
        for (long c : candidates.descendingSet()) {
          if (usableThreadCounts(rows, c) >= 2) {
            size = c;
            break;
          }
        }
      }
      if (size == 0) continue;
      final long at = size;
      CellResult base = rows.stream().filter(r -> r.threads() == 1).map(r -> r.usable(at)).filter(m -> m != null).findFirst().orElse(null);
      List<Point> points = new ArrayList<>();
      boolean noGil = false;
      String kind = "";
      for (WorkloadTable.Row r : rows) {
        CellResult m = r.usable(at);
        if (m == null) {
          continue;
        }
        threads.add(r.threads());
        if (m.extra() != null && m.extra().get("cpu_affinity") != null) {
          affinity.add(String.valueOf(m.extra().get("cpu_affinity")));
        }
        kind = r.kind();
        noGil |= Boolean.FALSE.equals(m.runtime() == null ? null : m.runtime().get("gil_enabled"));
        double speedup = base == null || m.medianNs() == 0 ? Double.NaN : (double) base.medianNs() / m.medianNs();
        points.add(new Point(r.threads(), m.medianNs(), speedup, m, poolStartup(m), base == null || base == m ? null : Ratios.of(base, m)));
      }
      sizes.add(at);
      lines.add(new Line(impl, noGil ? impl + " (no GIL)" : impl, kind, List.copyOf(points), at, at == calibratedSize,
          threadsBetweenCalls(run, impl, t.workload())));
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Double cores = RunInfo.num(run.environment() == null ? Map.of() : run.environment(), "machine", "logical_cores");
    return Optional.of(
        new ThreadScaling(
            t.workload(), t.sizeUnit(), sizes.size() == 1 ? sizes.first() : 0, List.copyOf(threads), List.copyOf(lines),
            cores == null ? null : cores.intValue(), List.copyOf(affinity)));
  }

  private static int usableThreadCounts(List<WorkloadTable.Row> rows, long size) {
    if (size <= 0) return 0;
    return (int) rows.stream().filter(r -> r.usable(size) != null).map(WorkloadTable.Row::threads).distinct().count();
  }

  /**
   * "reused" or "new per call" for an implementation of a threaded workload, read from its
   * catalogue description (environment.catalogue), whose rows say which (docs/workloads.md); ""
   * when the description says neither.
   */
  public static String threadsBetweenCalls(RunRecord run, String implementation, String workload) {
    Object cat = run.environment() == null ? null : run.environment().get("catalogue");
    if (!(cat instanceof List<?> rows)) return "";
    for (Object o : rows) {
      if (o instanceof Map<?, ?> row && implementation.equals(row.get("id")) && row.get("descriptions") instanceof Map<?, ?> d) {
        String text = String.valueOf(d.get(workload)).toLowerCase(java.util.Locale.ROOT);
        // "new ... on every call (nothing reused)" before "reused by every call"
        if (text.contains("nothing reused") || text.contains("on every call") || text.contains("on each call")) return "new per call";
        if (text.contains("reuse")) return "reused";
      }
    }
    return "";
  }

  /** {@code extra.pool_startup_ns} of a cell, or null. */
  public static Long poolStartup(CellResult m) {
    Object v = m.extra() == null ? null : m.extra().get("pool_startup_ns");
    return v instanceof Number n ? n.longValue() : null;
  }

  public int maxThreads() {
    return threads.get(threads.size() - 1);
  }

  /** "1.93x": three significant digits (a speedup is read against small integers). */
  public static String speedup(double s) {
    return Double.isNaN(s) ? "n/a" : Numbers.sig3(s) + "x";
  }

  /** "97%". */
  public static String efficiency(double e) {
    return Double.isNaN(e) ? "n/a" : Math.round(e * 100) + "%";
  }
}
