package org.polybench.harness.claims;

/** What the data says of a claim; findings carry estimates but no verdict. */
public enum Verdict {
  SUPPORTED,
  REFUTED,
  INCONCLUSIVE,
  FINDING;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
