package org.polybench.harness.verify;

/**
 * The correct answer of one workload at one size and seed, and how a runner's checksum is compared
 * with it.
 */
public record Reference(String checksum, ChecksumKind kind) {

  /** Relative tolerance for floats: NumPy's pairwise sums and SIMD lanes add in another order. */
  public static final double FLOAT_RELATIVE_TOLERANCE = 1e-9;

  /** Why {@code actual} does not match, or null when it does. */
  public String mismatch(String actual, String actualKind) {
    if (actual == null) {
      return "no checksum reported";
    }
    if (!kind.json().equals(actualKind)) {
      return "checksum_kind " + actualKind + " but the reference is " + kind.json();
    }
    return switch (kind) {
      case FLOAT -> floatMismatch(actual);
      case U64, TOKENS_FNV64 -> actual.equals(checksum) ? null : "checksum " + actual + " != reference " + checksum;
    };
  }

  private String floatMismatch(String actual) {
    double got;
    try {
      got = Double.parseDouble(actual);
    } catch (NumberFormatException e) {
      return "checksum '" + actual + "' is not a number";
    }
    double want = Double.parseDouble(checksum);
    double scale = Math.max(Math.abs(want), 1e-300);
    double rel = Math.abs(got - want) / scale;
    if (Double.isNaN(got) || rel > FLOAT_RELATIVE_TOLERANCE && Math.abs(got - want) > 1e-12) {
      return "checksum " + actual + " differs from reference " + checksum + " (relative error " + String.format("%.2e", rel) + ")";
    }
    return null;
  }
}
