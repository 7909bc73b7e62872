package org.polybench.harness.claims;

/**
 * A number a claim needs that the run cannot give, and why (no such workload yet, a cell not
 * measured, failed or unverified, no free-threaded build, ...).
 *
 * @param optional noted, but it does not block a verdict (e.g. python/loop before it exists)
 */
public record Missing(String what, String why, boolean optional) {
  public String text() {
    return what + ": " + why;
  }
}
