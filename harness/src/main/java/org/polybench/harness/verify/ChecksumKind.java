package org.polybench.harness.verify;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a checksum string is compared (docs/workloads.md defines one per workload): floats within the
 * tolerance the reference derives from the float64 error bound, everything else exactly.
 */
public enum ChecksumKind {
  /** One or more float64 values separated by a space, each within its own tolerance (dot). */
  FLOAT("float"),
  /** An unsigned 64-bit integer in decimal (parallel). */
  U64("u64"),
  /** {@code "<count>:<sha256>"} of the float64 outputs' bit patterns, in order (normalize). */
  F64_SHA256("f64+sha256"),
  /** {@code "<ids>:<fnv>"} over each document's id count then its ids (tokenize). */
  DOCS_TOKENS_FNV64("docs+tokens+fnv64");

  private final String json;

  ChecksumKind(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
