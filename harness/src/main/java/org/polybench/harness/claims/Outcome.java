package org.polybench.harness.claims;

import java.util.List;

/**
 * A claim answered: its verdict, the estimates it rests on, the headline estimate (the one that
 * decides: the weakest of those that agree, or the first that straddles a boundary), what was
 * missing, and one line of why.
 *
 * @param range the claim's range on this machine (per-core bounds resolved); null for findings
 * @param also the outcomes of the claim's extra conditions
 */
public record Outcome(
    ClaimSpec spec, Verdict verdict, ClaimSpec.Range range, List<Estimate> estimates, Estimate headline,
    List<Missing> missing, List<Crossing> crossings, String reason, List<Outcome> also) {

  /** The anchor of its card in report.html: {@code claim-gil-threads}. */
  public String anchor() {
    return (spec.isFinding() ? "finding-" : "claim-") + spec.id();
  }
}
