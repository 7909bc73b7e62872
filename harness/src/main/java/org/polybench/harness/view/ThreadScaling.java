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
 * How each implementation of a threaded workload scales with threads at the largest size with
 * usable cells, shared by the speedup chart and summary.md. Speedup at T = median at 1 thread /
 * median at T threads, of the same implementation and size; efficiency = speedup / T.
 *
 * @param size the size compared: the largest with usable cells
 * @param threads every thread count with a usable cell at that size, ascending
 * @param lines one per implementation with a usable cell at that size, in table order
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
   */
  public record Line(String implementation, String label, String kind, List<Point> points) {
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
   */
  public record Point(int threads, long medianNs, double speedup, CellResult cell, Long poolStartupNs) {
    public double efficiency() {
      return speedup / threads;
    }
  }

  /**
   * The scaling of {@code t}'s workload, when it is a threaded workload (see
   * {@link Workload#threaded()}) with usable cells at more than one thread count at its largest
   * usable size; empty otherwise.
   */
  public static Optional<ThreadScaling> of(RunRecord run, WorkloadTable t) {
    boolean threaded = Workloads.sectionsOf(t.workload()).contains(org.polybench.harness.workload.Section.THREAD_SCALING);
    if (!threaded || t.largestUsableSize().isEmpty()) {
      return Optional.empty();
    }
    long size = t.largestUsableSize().getAsLong();
    TreeSet<Integer> threads = new TreeSet<>();
    TreeSet<String> affinity = new TreeSet<>();
    List<String> order = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      CellResult m = r.usable(size);
      if (m != null) {
        threads.add(r.threads());
        if (!order.contains(r.implementation())) {
          order.add(r.implementation());
        }
        if (m.extra() != null && m.extra().get("cpu_affinity") != null) {
          affinity.add(String.valueOf(m.extra().get("cpu_affinity")));
        }
      }
    }
    if (threads.size() < 2) {
      return Optional.empty();
    }
    List<Line> lines = new ArrayList<>();
    for (String impl : order) {
      List<WorkloadTable.Row> rows = t.rows().stream().filter(r -> r.implementation().equals(impl)).toList();
      CellResult base = rows.stream().filter(r -> r.threads() == 1).map(r -> r.usable(size)).filter(m -> m != null).findFirst().orElse(null);
      List<Point> points = new ArrayList<>();
      boolean noGil = false;
      String kind = "";
      for (WorkloadTable.Row r : rows) {
        CellResult m = r.usable(size);
        if (m == null) {
          continue;
        }
        kind = r.kind();
        noGil |= Boolean.FALSE.equals(m.runtime() == null ? null : m.runtime().get("gil_enabled"));
        double speedup = base == null || m.medianNs() == 0 ? Double.NaN : (double) base.medianNs() / m.medianNs();
        points.add(new Point(r.threads(), m.medianNs(), speedup, m, poolStartup(m)));
      }
      lines.add(new Line(impl, noGil ? impl + " (no GIL)" : impl, kind, List.copyOf(points)));
    }
    Double cores = RunInfo.num(run.environment() == null ? Map.of() : run.environment(), "machine", "logical_cores");
    return Optional.of(
        new ThreadScaling(
            t.workload(), t.sizeUnit(), size, List.copyOf(threads), List.copyOf(lines),
            cores == null ? null : cores.intValue(), List.copyOf(affinity)));
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
