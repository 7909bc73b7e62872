package org.polybench.harness.crosscheck;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of crosscheck.json: the harness's figure, the referee's, their ratio with its 95%
 * interval and whether they agree, plus every sample both sides measured (so the verdict can be
 * recomputed) and the referee's command lines. {@code status} is "ok", or "failed" /
 * "unavailable" / "invalid" for the harness side, "referee-failed", or "no-referee" with the
 * reason in {@code error}; the figures are null unless ok.
 */
public record CrossCheckRow(
    String workload,
    String implementation,
    long size,
    String referee,
    String status,
    String error,
    Double harnessMedianNs,
    Double refereeFigureNs,
    String refereeFigureKind,
    Double refereeMedianNs,
    Double ratio,
    Double ratioCiLow,
    Double ratioCiHigh,
    Boolean agrees,
    List<List<Long>> harnessSamplesNs,
    List<List<Double>> refereeSamplesNs,
    List<Integer> refereeSampleRounds,
    List<List<String>> refereeCommands) {

  public String label() {
    return workload + " " + implementation + " n=" + String.format("%,d", size);
  }

  /** A cell measured on both sides. */
  static CrossCheckRow measured(String workload, String implementation, long size, String referee, List<List<Long>> harness,
      List<RefereeResult> refereeRuns, List<List<String>> commands) {
    List<List<Double>> groups = refereeRuns.stream().flatMap(r -> r.groupsNs().stream()).toList();
    List<Integer> rounds = new ArrayList<>();
    for (int r = 0; r < refereeRuns.size(); r++) {
      for (int g = 0; g < refereeRuns.get(r).groupsNs().size(); g++) rounds.add(r + 1);
    }
    Agreement a = Agreement.of(harness, refereeRuns.stream().map(RefereeResult::groupsNs).toList());
    // the tool's own figure over all its runs: the mean of each run's figure, weighted alike
    double figure = refereeRuns.stream().mapToDouble(RefereeResult::figureNs).average().orElseThrow();
    return new CrossCheckRow(workload, implementation, size, referee, "ok", null, a.harnessMedianNs(), figure,
        refereeRuns.get(0).figureKind(), a.refereeMedianNs(), a.ratio().estimate(), a.ratio().low(), a.ratio().high(), a.agrees(),
        harness, groups, rounds, commands);
  }

  /** A cell one side could not measure, with why. */
  static CrossCheckRow notMeasured(String workload, String implementation, long size, String referee, String status, String error,
      List<List<String>> commands) {
    return new CrossCheckRow(workload, implementation, size, referee, status, error, null, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of(), commands);
  }
}
