package org.polybench.harness.store;

import java.util.List;
import java.util.Map;

/**
 * One fresh process of a cell, as it ran: its warm-up and measured samples, peak RSS, the runtime
 * it reported, its answer, exit code and wall time. A process that failed keeps its exit code,
 * wall time and error, with no samples.
 *
 * @param index 1-based, in the order the processes ran
 * @param exitCode null when the process could not be started or was killed by the timeout
 * @param wallNs the process's wall time as the harness saw it, start to exit; null if never started
 * @param extra what the runner reported beyond the protocol's fields; null when none
 * @param error why this process failed; null when it succeeded
 * @param position where the process came in its session's order of processes (run.Order: 1 is the
 *     first process the session started); null when not recorded (older results, calibration)
 * @param conditions what could disturb its timings (run.Conditions): load average and runnable
 *     processes just before it started, the CPUs it was seen on; null when not recorded
 */
public record Invocation(
    int index,
    Integer exitCode,
    Long wallNs,
    List<Long> warmupNs,
    List<Long> samplesNs,
    Long peakRssBytes,
    String checksum,
    String checksumKind,
    Map<String, Object> runtime,
    Map<String, Object> extra,
    String error,
    Integer position,
    Map<String, Object> conditions) {

  public Invocation {
    warmupNs = warmupNs == null ? List.of() : List.copyOf(warmupNs);
    samplesNs = samplesNs == null ? List.of() : List.copyOf(samplesNs);
  }

  /** Without order position and conditions (results written before they were recorded, tests). */
  public Invocation(
      int index, Integer exitCode, Long wallNs, List<Long> warmupNs, List<Long> samplesNs, Long peakRssBytes, String checksum,
      String checksumKind, Map<String, Object> runtime, Map<String, Object> extra, String error) {
    this(index, exitCode, wallNs, warmupNs, samplesNs, peakRssBytes, checksum, checksumKind, runtime, extra, error, null, null);
  }

  /** This process with its place in the session's order. */
  public Invocation at(Integer pos) {
    return new Invocation(index, exitCode, wallNs, warmupNs, samplesNs, peakRssBytes, checksum, checksumKind, runtime, extra, error,
        pos, conditions);
  }

  /** This process with what could have disturbed it. */
  public Invocation under(Map<String, Object> cond) {
    return new Invocation(index, exitCode, wallNs, warmupNs, samplesNs, peakRssBytes, checksum, checksumKind, runtime, extra, error,
        position, cond);
  }

  /** A process that ran to the end and reported samples. */
  public static Invocation succeeded(
      int index, long wallNs, List<Long> warmupNs, List<Long> samplesNs, Long peakRssBytes, String checksum, String checksumKind,
      Map<String, Object> runtime, Map<String, Object> extra) {
    return new Invocation(index, 0, wallNs, warmupNs, samplesNs, peakRssBytes, checksum, checksumKind, runtime, extra, null);
  }

  /** A process that produced no usable samples, with why. */
  public static Invocation failed(int index, Integer exitCode, Long wallNs, String error) {
    return new Invocation(index, exitCode, wallNs, List.of(), List.of(), null, null, null, null, null, error);
  }
}
