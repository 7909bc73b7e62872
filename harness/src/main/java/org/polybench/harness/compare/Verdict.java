package org.polybench.harness.compare;

/**
 * The outcome for one cell. A change needs both: a significant difference (Mann-Whitney U,
 * corrected for the number of cells) and a ratio beyond the threshold. Anything else is
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
