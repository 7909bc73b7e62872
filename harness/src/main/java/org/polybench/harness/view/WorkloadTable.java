package org.polybench.harness.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.polybench.harness.workload.Workload;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * The cells of one workload of a run arranged as rows (implementation, threads) by columns (size),
 * shared by the charts, the Markdown summary and the console table so all agree on what is
 * fastest. Holds every cell; only {@link CellResult#usable()} ones are timed or compared.
 *
 * @param sizes every size measured for this workload, ascending; for a workload whose sizes were
 *     calibrated per implementation (plan.Calibration), only the common sizes every implementation
 *     ran at (the columns of the tables): the calibrated ones are in the rows' cells, for the
 *     thread-scaling view and {@link #allSizes()}
 * @param rows implementations in registry order, then unknown ones by id; threads ascending
 */
public record WorkloadTable(String workload, String description, String sizeUnit, List<Long> sizes, List<Row> rows) {

  /**
   * One implementation at one thread count.
   *
   * @param label the implementation id, plus the thread count when the workload ran several
   * @param kind naive / idiomatic / optimized, or "" for an implementation not in the registry
   * @param cells by size; the last measurement wins if a cell was stored twice
   */
  public record Row(String implementation, int threads, String label, String kind, Map<Long, CellResult> cells) {
    /** The cell at this size, usable or not, or null if it was not measured. */
    public CellResult cell(long size) {
      return cells.get(size);
    }

    /** The cell at this size if it may be charted, else null. */
    public CellResult usable(long size) {
      CellResult m = cells.get(size);
      return m != null && m.usable() ? m : null;
    }

    public boolean hasUsable() {
      return cells.values().stream().anyMatch(CellResult::usable);
    }
  }

  /** One table per workload present in the run, in registry order, then unknown ones by name. */
  public static List<WorkloadTable> of(RunRecord run) {
    List<String> order = new ArrayList<>(Workloads.names());
    TreeSet<String> unknown = new TreeSet<>();
    for (CellResult m : run.measurements()) {
      if (!order.contains(m.workload())) {
        unknown.add(m.workload());
      }
    }
    order.addAll(unknown);
    List<WorkloadTable> tables = new ArrayList<>();
    for (String w : order) {
      of(run, w).ifPresent(tables::add);
    }
    return tables;
  }

  /** The table of one workload, or empty when the run has no cell of it. */
  public static Optional<WorkloadTable> of(RunRecord run, String workload) {
    List<CellResult> cells =
        run.measurements().stream().filter(m -> workload.equals(m.workload())).toList();
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<Long> sizes = new TreeSet<>();
    TreeSet<Integer> threadCounts = new TreeSet<>();
    Map<String, Map<Integer, Map<Long, CellResult>>> byImpl = new LinkedHashMap<>();
    for (CellResult m : cells) {
      sizes.add(m.size());
      threadCounts.add(m.threads());
      byImpl.computeIfAbsent(m.implementation(), k -> new TreeMap<>())
          .computeIfAbsent(m.threads(), k -> new TreeMap<>())
          .put(m.size(), m);
    }
    List<String> implOrder = new ArrayList<>();
    Map<String, String> kinds = RunInfo.kinds(run);
    for (String id : kinds.keySet()) {
      if (byImpl.containsKey(id)) {
        implOrder.add(id);
      }
    }
    byImpl.keySet().stream().filter(id -> !implOrder.contains(id)).sorted().forEach(implOrder::add);

    boolean severalThreadCounts = threadCounts.size() > 1;
    List<Row> rows = new ArrayList<>();
    for (String id : implOrder) {
      String kind = kinds.getOrDefault(id, "");
      for (Map.Entry<Integer, Map<Long, CellResult>> t : byImpl.get(id).entrySet()) {
        int threads = t.getKey();
        String label = severalThreadCounts ? id + " (" + threads + (threads == 1 ? " thread)" : " threads)") : id;
        rows.add(new Row(id, threads, label, kind, t.getValue()));
      }
    }
    // a calibrated thread sweep: one column per implementation's own size would leave the tables
    // mostly empty; the columns are the common sizes (ThreadScaling shows the calibrated ones)
    List<Long> common = org.polybench.harness.plan.Calibration.fromSettings(run.settings() == null ? null : run.settings().get("calibration"))
        .stream().filter(r -> r.workload().equals(workload)).flatMap(r -> r.commonSizes().stream()).toList();
    if (!common.isEmpty() && sizes.stream().anyMatch(common::contains)) sizes.retainAll(common);
    Optional<Workload> spec = Workloads.find(workload);
    return Optional.of(
        new WorkloadTable(
            workload,
            spec.map(Workload::description).orElse(""),
            spec.map(Workload::sizeUnit).orElse("units"),
            List.copyOf(sizes),
            List.copyOf(rows)));
  }

  /** {@code size} with this workload's unit, as titles say it: "1,000,000 elements", "depth 16" ({@link Numbers#sizePhrase}). */
  public String sizePhrase(long size) {
    return Numbers.sizePhrase(workload, sizeUnit, size);
  }

  /** Every size any row has a cell at, ascending: {@link #sizes()} plus calibrated sizes. */
  public List<Long> allSizes() {
    TreeSet<Long> all = new TreeSet<>(sizes);
    rows.forEach(r -> all.addAll(r.cells().keySet()));
    return List.copyOf(all);
  }

  /** The smallest usable median at this size, if any cell there is usable. */
  public OptionalLong fastestMedianNs(long size) {
    return rows.stream()
        .map(r -> r.usable(size))
        .filter(Objects::nonNull)
        .mapToLong(CellResult::medianNs)
        .min();
  }

  /** median / fastest median at this size, or empty when the cell is not usable. */
  public OptionalDouble factor(Row row, long size) {
    CellResult m = row.usable(size);
    OptionalLong fastest = fastestMedianNs(size);
    if (m == null || fastest.isEmpty()) {
      return OptionalDouble.empty();
    }
    // a 0 ns median (clock granularity) must not divide by zero
    return OptionalDouble.of((double) m.medianNs() / Math.max(1L, fastest.getAsLong()));
  }

  /**
   * {@link #factor} with its 95% bootstrap interval ({@link Ratios}: the cell's samples against the
   * fastest cell's at this size); null when the cell is not usable or is the fastest itself (its
   * factor is 1 by definition).
   */
  public org.polybench.harness.stats.Bootstrap.Interval factorInterval(Row row, long size) {
    CellResult m = row.usable(size);
    if (m == null) return null;
    Row fastest = rankedAt(size).get(0);
    CellResult f = fastest.usable(size);
    if (f == m) return null;
    return Ratios.of(m, f);
  }

  /** The largest size at which at least one cell is usable. */
  public OptionalLong largestUsableSize() {
    return sizes.stream()
        .filter(s -> fastestMedianNs(s).isPresent())
        .mapToLong(Long::longValue)
        .max();
  }

  public boolean hasUsable() {
    return rows.stream().anyMatch(Row::hasUsable);
  }

  /** Rows with a usable cell at this size, fastest first (ties by row order). */
  public List<Row> rankedAt(long size) {
    return rows.stream()
        .filter(r -> r.usable(size) != null)
        .sorted(Comparator.comparingLong(r -> r.usable(size).medianNs()))
        .toList();
  }

  /** Relative half-width of the CI of the median (0.012 for +-1.2%), or NaN without statistics. */
  public static double ciHalfWidth(CellResult m) {
    return m.stats() == null || m.stats().medianNs() == 0 ? Double.NaN : m.stats().relativeSpread();
  }

  /** The confidence the CI carries (0.95 normally; less when samples were too few). */
  public static double ciLevel(CellResult m) {
    return m.stats() != null ? m.stats().ciLevel() : Double.NaN;
  }
}
