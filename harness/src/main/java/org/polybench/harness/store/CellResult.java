package org.polybench.harness.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.stats.CellStats;

/**
 * One cell of a run as stored in results.json (schema version 2): what ran, each fresh process it
 * ran in ({@link Invocation}: samples, peak RSS, runtime, exit code, wall time), the statistics
 * computed from them once ({@link CellStats}), and how its answer was checked ({@link
 * Verification}).
 *
 * <p>The accessors below the components (medianNs(), samplesNs(), peakRssBytes()...) are views
 * derived from the tree for readers; they are not stored. Field names are part of the versioned
 * schema: add fields, never rename.
 *
 * @param stats null when no invocation produced samples
 */
public record CellResult(
    String workload,
    String language,
    String variant,
    long size,
    int threads,
    Status status,
    String error,
    List<String> command,
    List<Invocation> invocations,
    CellStats stats,
    Verification verification) {

  public CellResult {
    invocations = invocations == null ? List.of() : List.copyOf(invocations);
    command = command == null ? List.of() : List.copyOf(command);
  }

  /**
   * A cell from its invocations: the statistics are computed from their samples, and the status
   * is {@code status} (OK turns INVALID when the answer was not verified).
   */
  public static CellResult of(
      String workload, String language, String variant, long size, int threads, Status status, String error,
      List<String> command, List<Invocation> invocations, Verification verification) {
    List<List<Long>> groups = invocations.stream().map(Invocation::samplesNs).filter(s -> !s.isEmpty()).toList();
    return new CellResult(
        workload, language, variant, size, threads, status, error, command, invocations, CellStats.of(groups), verification);
  }

  @JsonProperty("implementation")
  public String implementation() {
    return language + "/" + variant;
  }

  /** True when this cell may be charted or used for a claim. */
  @JsonIgnore
  public boolean usable() {
    return status == Status.OK && verified() && stats != null;
  }

  /** A usable median to take with care: its processes disagreed, or it was still speeding up. */
  @JsonIgnore
  public boolean unsteady() {
    return usable() && stats.unsteady();
  }

  /** The first measured calls were over {@link CellStats#DRIFT_WARNING} times slower than the last. */
  @JsonIgnore
  public boolean stillSpeedingUp() {
    return stats != null && stats.stillSpeedingUp();
  }

  /** The first measured calls were over {@link CellStats#DRIFT_WARNING} times faster than the last. */
  @JsonIgnore
  public boolean slowingDown() {
    return stats != null && stats.slowingDown();
  }

  /** How far apart the fresh processes' medians are, relative to the median (0 with one process). */
  @JsonIgnore
  public double invocationSpread() {
    return stats == null ? 0 : stats.spread();
  }

  @JsonIgnore
  public Double drift() {
    return stats == null ? null : stats.drift();
  }

  @JsonIgnore
  public List<Long> invocationMediansNs() {
    return stats == null ? List.of() : stats.invocationMediansNs();
  }

  /** The measured samples, one list per invocation that produced any, in the order they ran. */
  @JsonIgnore
  public List<List<Long>> samplesByInvocation() {
    return invocations.stream().map(Invocation::samplesNs).filter(s -> !s.isEmpty()).toList();
  }

  /** All measured samples, invocation after invocation. */
  @JsonIgnore
  public List<Long> samplesNs() {
    List<Long> out = new ArrayList<>();
    invocations.forEach(i -> out.addAll(i.samplesNs()));
    return out;
  }

  /** All warm-up samples, invocation after invocation. */
  @JsonIgnore
  public List<Long> warmupNs() {
    List<Long> out = new ArrayList<>();
    invocations.forEach(i -> out.addAll(i.warmupNs()));
    return out;
  }

  /**
   * Per-iteration latency percentiles of the pooled measured samples (stats.latency); computed
   * from the samples for a results.json written before they were stored; null without samples.
   */
  @JsonIgnore
  public org.polybench.harness.stats.LatencyPercentiles latency() {
    if (stats != null && stats.latency() != null) return stats.latency();
    return org.polybench.harness.stats.LatencyPercentiles.of(samplesNs());
  }

  @JsonIgnore
  public Long medianNs() {
    return stats == null ? null : stats.medianNs();
  }

  @JsonIgnore
  public Long minNs() {
    return stats == null ? null : stats.minNs();
  }

  @JsonIgnore
  public Long maxNs() {
    return stats == null ? null : stats.maxNs();
  }

  @JsonIgnore
  public Double meanNs() {
    return stats == null ? null : stats.meanNs();
  }

  @JsonIgnore
  public Double stddevNs() {
    return stats == null ? null : stats.stddevNs();
  }

  @JsonIgnore
  public Long ciLowNs() {
    return stats == null ? null : stats.ciLowNs();
  }

  @JsonIgnore
  public Long ciHighNs() {
    return stats == null ? null : stats.ciHighNs();
  }

  @JsonIgnore
  public Double ciLevel() {
    return stats == null ? null : stats.ciLevel();
  }

  /** The highest peak RSS of the cell's processes; null when none reported one. */
  @JsonIgnore
  public Long peakRssBytes() {
    return invocations.stream().map(Invocation::peakRssBytes).filter(r -> r != null).max(Long::compare).orElse(null);
  }

  /** What the first process that reported a runtime said about it; empty when none did. */
  @JsonIgnore
  public Map<String, Object> runtime() {
    return invocations.stream().map(Invocation::runtime).filter(r -> r != null).findFirst().orElse(Map.of());
  }

  /**
   * The most kernel calls any process timed in one sample ({@code extra.calls_per_sample}, 1 where a
   * runner did not say): above 1, every sample is a per-call mean over that many calls, and latency
   * percentiles are per sample, not per call.
   */
  @JsonIgnore
  public long callsPerSample() {
    return invocations.stream().map(Invocation::extra).filter(e -> e != null && e.get("calls_per_sample") instanceof Number)
        .mapToLong(e -> ((Number) e.get("calls_per_sample")).longValue()).max().orElse(1);
  }

  /** The first successful process's extra fields; null when none. */
  @JsonIgnore
  public Map<String, Object> extra() {
    return invocations.stream().filter(i -> !i.samplesNs().isEmpty()).map(Invocation::extra).filter(e -> e != null)
        .findFirst().orElse(null);
  }

  @JsonIgnore
  public boolean verified() {
    return verification != null && verification.verified();
  }

  @JsonIgnore
  public String checksum() {
    return verification == null ? null : verification.checksum();
  }

  @JsonIgnore
  public String checksumKind() {
    return verification == null ? null : verification.checksumKind();
  }

  @JsonIgnore
  public String referenceChecksum() {
    return verification == null ? null : verification.referenceChecksum();
  }

  /** The summed wall time of the cell's processes; null when none started. */
  @JsonIgnore
  public Long processWallNs() {
    List<Long> walls = invocations.stream().map(Invocation::wallNs).filter(w -> w != null).toList();
    return walls.isEmpty() ? null : walls.stream().mapToLong(Long::longValue).sum();
  }

  /** The last process's exit code (the one that decided the status); null when none exited. */
  @JsonIgnore
  public Integer exitCode() {
    return invocations.isEmpty() ? null : invocations.get(invocations.size() - 1).exitCode();
  }

  /** This cell with each invocation's runtime and extra replaced (tests, fake runs). */
  public CellResult withRuntime(Map<String, Object> runtime, Map<String, Object> extra) {
    List<Invocation> inv = invocations.stream()
        .map(i -> new Invocation(i.index(), i.exitCode(), i.wallNs(), i.warmupNs(), i.samplesNs(), i.peakRssBytes(), i.checksum(),
            i.checksumKind(), runtime, extra, i.error(), i.position(), i.conditions()))
        .toList();
    return new CellResult(workload, language, variant, size, threads, status, error, command, inv, stats, verification);
  }

  /** This cell with another verification (tests, fake runs). */
  public CellResult withVerification(Verification v) {
    return new CellResult(workload, language, variant, size, threads, status, error, command, invocations, stats, v);
  }

  /** This cell with other invocations; the statistics are recomputed (tests, fake runs). */
  public CellResult withInvocations(List<Invocation> inv) {
    return of(workload, language, variant, size, threads, status, error, command, inv, verification);
  }
}
