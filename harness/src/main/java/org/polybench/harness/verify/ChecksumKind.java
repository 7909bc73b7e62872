package org.polybench.harness.verify;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a checksum string is compared: floats within a relative tolerance, the rest exactly. */
public enum ChecksumKind {
  FLOAT("float"),
  U64("u64"),
  TOKENS_FNV64("tokens+fnv64");

  private final String json;

  ChecksumKind(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
