package org.polybench.harness.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.polybench.harness.stats.SampleStats;

/**
 * One cell of a run as stored in results.json: what ran, its raw per-iteration samples, the
 * statistics derived from them, and whether its answer was verified.
 *
 * <p>{@code extra} holds what a workload's runner reports beyond the protocol's fields
 * (per-document latency percentiles, pool start-up time, CPU affinity); null when none.
 *
 * <p>Statistics fields are null unless samples exist. Field names are part of the versioned
 * schema: add fields, never rename.
 */
public record Measurement(
    String workload,
    String language,
    String variant,
    long size,
    int threads,
    Status status,
    String error,
    List<Long> warmupNs,
    List<Long> samplesNs,
    Long medianNs,
    Long minNs,
    Long maxNs,
    Double meanNs,
    Double stddevNs,
    Long ciLowNs,
    Long ciHighNs,
    Double ciLevel,
    Long peakRssBytes,
    String checksum,
    String checksumKind,
    String referenceChecksum,
    boolean verified,
    Map<String, Object> runtime,
    Map<String, Object> extra,
    Long processWallNs,
    Integer exitCode,
    List<String> command,
    Integer invocations,
    List<Long> invocationMediansNs,
    Double drift) {

  /**
   * A threshold for {@link #drift}: a cell whose first measured calls are this much slower than
   * its last ones was still warming up (or being disturbed) while it was measured.
   */
  public static final double DRIFT_WARNING = 1.2;

  /** Process medians further apart than this, relative to the median, make a cell unsteady. */
  public static final double SPREAD_WARNING = 0.10;

  /** A usable median to take with care: its processes disagreed, or it was still speeding up. */
  @JsonIgnore
  public boolean unsteady() {
    return usable() && (stillSpeedingUp() || invocationSpread() > SPREAD_WARNING);
  }

  /** The first measured calls were over {@link #DRIFT_WARNING} times slower than the last ones. */
  @JsonIgnore
  public boolean stillSpeedingUp() {
    return drift != null && drift > DRIFT_WARNING;
  }

  /** A cell measured in one process, without the invocation fields (tests, fake runs). */
  public Measurement(
      String workload, String language, String variant, long size, int threads, Status status, String error,
      List<Long> warmupNs, List<Long> samplesNs, Long medianNs, Long minNs, Long maxNs, Double meanNs, Double stddevNs,
      Long ciLowNs, Long ciHighNs, Double ciLevel, Long peakRssBytes, String checksum, String checksumKind,
      String referenceChecksum, boolean verified, Map<String, Object> runtime, Map<String, Object> extra,
      Long processWallNs, Integer exitCode, List<String> command) {
    this(workload, language, variant, size, threads, status, error, warmupNs, samplesNs, medianNs, minNs, maxNs, meanNs,
        stddevNs, ciLowNs, ciHighNs, ciLevel, peakRssBytes, checksum, checksumKind, referenceChecksum, verified, runtime,
        extra, processWallNs, exitCode, command, null, null, null);
  }

  /**
   * How far apart the fresh processes' medians are, relative to the overall median (0 with one
   * process). A JIT can settle differently in each process; the CI of the pooled samples does
   * not show that, this does.
   */
  @JsonIgnore
  public double invocationSpread() {
    if (invocationMediansNs == null || invocationMediansNs.size() < 2 || medianNs == null || medianNs == 0) return 0;
    long lo = invocationMediansNs.stream().mapToLong(Long::longValue).min().orElseThrow();
    long hi = invocationMediansNs.stream().mapToLong(Long::longValue).max().orElseThrow();
    return (hi - lo) / (double) medianNs;
  }

  @JsonProperty("implementation")
  public String implementation() {
    return language + "/" + variant;
  }

  /**
   * The measured samples, one list per fresh process (invocation), in the order they ran: what
   * {@link org.polybench.harness.stats.Bootstrap} resamples. Empty when nothing was measured.
   */
  @JsonIgnore
  public List<List<Long>> samplesByInvocation() {
    if (samplesNs == null || samplesNs.isEmpty()) return List.of();
    int k = invocations == null || invocations < 1 ? 1 : invocations;
    if (samplesNs.size() % k != 0) return List.of(samplesNs);
    int per = samplesNs.size() / k;
    java.util.List<List<Long>> out = new java.util.ArrayList<>();
    for (int i = 0; i < k; i++) out.add(List.copyOf(samplesNs.subList(i * per, (i + 1) * per)));
    return out;
  }

  /** The statistics of the measured samples, or null when there are none. */
  @JsonIgnore
  public SampleStats stats() {
    return samplesNs == null || samplesNs.isEmpty() ? null : SampleStats.of(samplesNs);
  }

  /** True when this cell may be charted or used for a claim. */
  @JsonIgnore
  public boolean usable() {
    return status == Status.OK && verified && medianNs != null;
  }
}
