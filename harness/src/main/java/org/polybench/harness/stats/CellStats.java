package org.polybench.harness.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of one cell, computed once from its invocations' measured samples: the pooled
 * summary (median with its distribution-free CI, min, max, mean, sd), each fresh process's median,
 * how far those medians spread, and the drift within a process. What "unsteady" means lives here
 * and nowhere else.
 *
 * @param invocationMediansNs the median of each invocation's samples, in the order they ran
 * @param drift the within-process drift furthest from 1 in either direction (first half's median
 *     over the second half's: above 1 getting faster, below 1 getting slower); null when no process
 *     had enough samples to say
 * @param stillSpeedingUp drift above {@link #DRIFT_WARNING}: still warming up while measured
 * @param slowingDown drift below 1 / {@link #DRIFT_WARNING}: getting slower while measured (a
 *     heap filling up, a busy machine, a CPU clocking down)
 * @param spread (max - min) of the invocation medians over the pooled median; 0 with one process
 * @param latency per-iteration percentiles of the pooled samples, with the count they rest on
 *     ({@link LatencyPercentiles}); null in a results.json written before they were recorded
 */
public record CellStats(
    int n,
    long medianNs,
    long minNs,
    long maxNs,
    double meanNs,
    double stddevNs,
    long ciLowNs,
    long ciHighNs,
    double ciLevel,
    List<Long> invocationMediansNs,
    Double drift,
    double spread,
    boolean stillSpeedingUp,
    boolean slowingDown,
    boolean unsteady,
    LatencyPercentiles latency) {

  /**
   * The threshold of {@link #drift}, in both directions: a cell whose first measured calls are
   * this much slower than its last ones was still warming up (or being disturbed) while it was
   * measured; one whose first calls are this much faster (drift below 1 / 1.2) was slowing down.
   * Either makes it unsteady: the samples do not come from one steady state.
   */
  public static final double DRIFT_WARNING = 1.2;

  /** Process medians further apart than this, relative to the median, make a cell unsteady. */
  public static final double SPREAD_WARNING = 0.10;

  /** The statistics of samples grouped by invocation; null when there is no sample at all. */
  public static CellStats of(List<List<Long>> byInvocation) {
    List<Long> pooled = new ArrayList<>();
    List<Long> medians = new ArrayList<>();
    double drift = 0; // 0: no process could say
    for (List<Long> s : byInvocation) {
      if (s == null || s.isEmpty()) continue;
      pooled.addAll(s);
      medians.add(SampleStats.of(s).medianNs());
      double d = drift(s);
      if (d > 0 && (drift == 0 || Math.abs(Math.log(d)) > Math.abs(Math.log(drift)))) drift = d;
    }
    if (pooled.isEmpty()) return null;
    SampleStats st = SampleStats.of(pooled);
    double spread = 0;
    if (medians.size() > 1 && st.medianNs() != 0) {
      long lo = medians.stream().mapToLong(Long::longValue).min().orElseThrow();
      long hi = medians.stream().mapToLong(Long::longValue).max().orElseThrow();
      spread = (hi - lo) / (double) st.medianNs();
    }
    boolean speeding = drift > DRIFT_WARNING;
    boolean slowing = drift > 0 && drift < 1 / DRIFT_WARNING;
    return new CellStats(
        st.n(), st.medianNs(), st.minNs(), st.maxNs(), st.meanNs(), st.stddevNs(), st.ciLowNs(), st.ciHighNs(), st.ciLevel(),
        List.copyOf(medians), drift == 0 ? null : drift, spread, speeding, slowing,
        speeding || slowing || spread > SPREAD_WARNING,
        LatencyPercentiles.of(pooled));
  }

  /**
   * Median of the first half of one process's measured samples over the median of its second
   * half: well above 1 when the kernel was still getting faster (a JIT still compiling) while
   * being measured, well below 1 when it was getting slower. 0 when there are too few samples to say.
   */
  public static double drift(List<Long> samples) {
    int half = samples.size() / 2;
    if (half < 2) return 0;
    long early = SampleStats.of(samples.subList(0, half)).medianNs();
    long late = SampleStats.of(samples.subList(samples.size() - half, samples.size())).medianNs();
    return late == 0 ? 0 : (double) early / late;
  }

  /** Relative half-width of the CI around the median, e.g. 0.03 for +-3%. */
  public double relativeSpread() {
    return medianNs == 0 ? 0 : (ciHighNs - ciLowNs) / 2.0 / medianNs;
  }
}
