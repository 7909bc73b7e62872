package org.polybench.harness.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything results.json holds for one run. The measurement list grows as cells finish and the
 * file is rewritten after each one, so an interrupted run keeps what it measured.
 */
public record RunRecord(
    int schemaVersion,
    String runId,
    String startedAt,
    String finishedAt,
    List<String> commandLine,
    Map<String, Object> settings,
    Map<String, Object> environment,
    List<CellResult> measurements) {

  public static final int SCHEMA_VERSION = 2;

  /** The schema versions {@link ResultsStore#load} reads (older ones are converted on read). */
  public static final java.util.Set<Integer> READABLE_VERSIONS = java.util.Set.of(1, 2);

  public RunRecord {
    measurements = new ArrayList<>(measurements);
  }

  public RunRecord withMeasurement(CellResult m) {
    List<CellResult> all = new ArrayList<>(measurements);
    all.add(m);
    return new RunRecord(schemaVersion, runId, startedAt, finishedAt, commandLine, settings, environment, all);
  }

  public RunRecord finished(String at) {
    return new RunRecord(schemaVersion, runId, startedAt, at, commandLine, settings, environment, measurements);
  }

  /** Measurements that may be charted: status ok and verified. */
  public List<CellResult> usable() {
    return measurements.stream().filter(CellResult::usable).toList();
  }
}
