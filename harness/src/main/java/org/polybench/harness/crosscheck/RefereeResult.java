package org.polybench.harness.crosscheck;

import java.util.List;

/**
 * What one run of a referee tool measured for one cell, in nanoseconds per kernel call.
 *
 * @param tool       "jmh", "pyperf", "criterion" or "hyperfine"
 * @param figureNs   the tool's own headline estimate (JMH's score, pyperf's mean, criterion's slope or mean)
 * @param figureKind what {@code figureNs} is, in the tool's words, e.g. "score (avgt)", "mean", "slope"
 * @param groupsNs   the tool's repeated measurements, one group per process it started (JMH fork,
 *                   pyperf worker, hyperfine run) or per sampling run (criterion), each value a time per call
 */
public record RefereeResult(String tool, double figureNs, String figureKind, List<List<Double>> groupsNs) {
  public RefereeResult {
    groupsNs = groupsNs.stream().map(List::copyOf).filter(g -> !g.isEmpty()).toList();
    if (groupsNs.isEmpty()) throw new IllegalArgumentException(tool + " reported no measurements");
  }
}
