package org.polybench.harness.compare;

/**
 * The outcome for one cell. A change needs all of: a significant difference (Mann-Whitney U,
 * corrected for the number of cells), a ratio beyond the threshold, and a bootstrap interval of
 * the ratio that excludes 1. Anything else is
 * {@link #NO_CHANGE}, shown "~" as benchstat does.
 */
public enum Verdict {
  FASTER("faster"),
  SLOWER("slower"),
  NO_CHANGE("~");

  private final String word;

  Verdict(String word) {
    this.word = word;
  }

  /** faster, slower, or ~ */
  public String word() {
    return word;
  }

  /** The JSON value: faster, slower, no_change. */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
