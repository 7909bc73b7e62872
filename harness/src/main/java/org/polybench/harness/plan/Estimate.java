package org.polybench.harness.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;

/**
 * How long a plan will take, said before it runs: each cell's processes at the wall time the same
 * cell's processes took in an earlier run (results/latest), else at the median of that runner's
 * processes for the workload there, else at a typical time per runner. An estimate, and labelled
 * so: the machine, the build and the settings may all differ from the run it learns from.
 *
 * @param seconds the estimated time of the measured processes (calibration and charts not included)
 * @param fromHistory how many of the plan's cells had their own time in the earlier run
 */
public record Estimate(double seconds, int fromHistory, int cells) {

  /**
   * A process's wall time per runner when nothing better is known: the mean process of a quick run
   * on a 2-core machine (2026-12, the thread sweep left out): a CPython process with NumPy
   * imported, a Rust binary, a JVM that warms up for its minimum time, a GraalPy context, the
   * startup prober's many runs.
   */
  static final Map<String, Double> TYPICAL_SECONDS = Map.of(
      "python", 0.75, "python-ft", 0.75, "rust", 0.1, "java", 1.15, "graalpy", 12.0, "startup", 1.1);

  static final double UNKNOWN_RUNNER_SECONDS = 1.0;

  /** The estimate of {@code plan}; {@code earlier} (may be null) is a run to learn the times from. */
  public static Estimate of(Plan plan, RunRecord earlier) {
    return of(plan, earlier, List.of(), impl -> false);
  }

  /**
   * The same, where a calibrated cell with no time of its own in {@code earlier} takes its runner's
   * typical process plus its calls at the calibration's call time (scaled to the cell's size, and
   * divided by its threads as if they scaled): warm-up count ({@code jit} runners': the workload's
   * warm-up work), measured iterations and the untimed allocation call. A quick run's thread sweep
   * calls last 100 ms and more, so the typical process alone said half the real time.
   */
  public static Estimate of(Plan plan, RunRecord earlier, List<Calibration.Result> calibration,
      java.util.function.Predicate<Implementation> jit) {
    Map<String, Double> byCell = new HashMap<>();
    Map<String, List<Double>> byRunnerWorkload = new HashMap<>();
    if (earlier != null) {
      for (CellResult c : earlier.measurements()) {
        List<Double> walls = new ArrayList<>();
        for (Invocation i : c.invocations()) if (i.wallNs() != null && i.wallNs() > 0) walls.add(i.wallNs() / 1e9);
        if (walls.isEmpty()) continue;
        double median = median(walls);
        byCell.put(key(c.workload(), c.language() + "/" + c.variant(), c.size(), c.threads()), median);
        byRunnerWorkload.computeIfAbsent(c.workload() + " " + c.language(), k -> new ArrayList<>()).add(median);
      }
    }
    double total = 0;
    int known = 0;
    int procs = plan.settings().invocations();
    for (Cell cell : plan.cells()) {
      Double own = byCell.get(key(cell.workload().name(), cell.implementation().id(), cell.size(), cell.threads()));
      double each;
      if (own != null) {
        each = own;
        known++;
      } else {
        List<Double> same = byRunnerWorkload.get(cell.workload().name() + " " + cell.implementation().language());
        if (same != null) {
          each = median(same);
        } else {
          Settings s = plan.settings();
          int warmup = jit.test(cell.implementation()) ? s.warmupFor(cell.workload(), cell.size()) : s.warmup();
          each = TYPICAL_SECONDS.getOrDefault(cell.implementation().runner(), UNKNOWN_RUNNER_SECONDS)
              + (warmup + s.iterations() + 1) * calibratedCallSeconds(cell, calibration);
        }
      }
      total += each * procs;
    }
    return new Estimate(total, known, plan.cells().size());
  }

  public Duration duration() {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** "about 1 min 50 s (from an earlier run's times for 140 of 150 cells)". */
  public String describe() {
    String basis = fromHistory == cells ? "from the last run's times of every cell"
        : fromHistory > 0 ? "from the last run's times for " + fromHistory + " of " + cells + " cells, typical times for the rest"
        : "typical times per runner; a run here makes it better";
    return "about " + minutesSeconds(duration()) + " (" + basis + ")";
  }

  /** "45 s", "2 min 05 s", "1 h 03 min". */
  public static String minutesSeconds(Duration d) {
    long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
    if (s < 60) return s + " s";
    if (s < 3600) return String.format("%d min %02d s", s / 60, s % 60);
    return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** One call of {@code cell} from its implementation's calibration, in s; 0 when not calibrated. */
  static double calibratedCallSeconds(Cell cell, List<Calibration.Result> calibration) {
    for (Calibration.Result r : calibration) {
      if (!r.workload().equals(cell.workload().name())) continue;
      for (Calibration.Choice c : r.choices()) {
        if (c.ok() && c.implementation().equals(cell.implementation().id()) && c.probeSize() > 0) {
          return c.probeMedianNs() / 1e9 * cell.size() / c.probeSize() / cell.threads();
        }
      }
    }
    return 0;
  }

  private static String key(String workload, String impl, long size, int threads) {
    return workload + " " + impl + " " + size + " " + threads;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
