package org.polybench.harness.store;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one cell. Only {@code OK} cells are verified, charted and used for claims. */
public enum Status {
  /** Measured, and the answer matched the reference. */
  OK,
  /** The runner crashed, hung, or printed no valid result. */
  FAILED,
  /** The implementation cannot run here (toolchain or library missing); the error says the fix. */
  UNAVAILABLE,
  /** Measured, but the answer was wrong or the output broke the runner protocol. */
  INVALID;

  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
