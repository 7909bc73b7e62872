package org.polybench.harness.store;

/**
 * How a cell's answer was checked: the checksum its runner reported (every invocation must agree
 * with the reference), the harness's own reference checksum, and the verdict.
 *
 * @param mismatch why the answer was rejected (which invocation, how far off); null when verified
 *     or when nothing was reported
 */
public record Verification(String checksum, String checksumKind, String referenceChecksum, boolean verified, String mismatch) {
  /** Nothing to verify: the cell produced no answer. */
  public static Verification none(String referenceChecksum) {
    return new Verification(null, null, referenceChecksum, false, null);
  }
}
