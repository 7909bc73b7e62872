package org.polybench.harness.verify;

import java.util.List;

/**
 * The correct answer of one workload at one size and seed, and how a runner's checksum is compared
 * with it: exact kinds character for character; {@code float} value by value, each within its
 * absolute tolerance ({@link FloatBound} times the sum of the terms' magnitudes).
 */
public record Reference(String checksum, ChecksumKind kind, List<Double> tolerances) {

  public Reference {
    tolerances = List.copyOf(tolerances);
    if (kind == ChecksumKind.FLOAT && tolerances.size() != checksum.split(" ").length) {
      throw new IllegalArgumentException("one tolerance per float of " + checksum + ", got " + tolerances);
    }
  }

  /** An exact reference (every kind but float). */
  public Reference(String checksum, ChecksumKind kind) {
    this(checksum, kind, List.of());
    if (kind == ChecksumKind.FLOAT) throw new IllegalArgumentException("a float reference needs its tolerances");
  }

  /** A float reference: {@code values[k]} within {@code tolerances[k]}. */
  public static Reference floats(double[] values, double[] tolerances) {
    StringBuilder s = new StringBuilder();
    Double[] tol = new Double[tolerances.length];
    for (int k = 0; k < values.length; k++) {
      if (k > 0) s.append(' ');
      s.append(Double.toString(values[k]));
      tol[k] = tolerances[k];
    }
    return new Reference(s.toString(), ChecksumKind.FLOAT, List.of(tol));
  }

  /** Why {@code actual} does not match, or null when it does. */
  public String mismatch(String actual, String actualKind) {
    if (actual == null) {
      return "no checksum reported";
    }
    if (!kind.json().equals(actualKind)) {
      return "checksum_kind " + actualKind + " but the reference is " + kind.json() + " (docs/workloads.md; ./bench build if a runner is stale)";
    }
    return switch (kind) {
      case FLOAT -> floatMismatch(actual);
      case U64, F64_SHA256, DOCS_TOKENS_FNV64 -> actual.equals(checksum) ? null : "checksum " + actual + " != reference " + checksum;
    };
  }

  private String floatMismatch(String actual) {
    String[] got = actual.split(" ");
    String[] want = checksum.split(" ");
    if (got.length != want.length) {
      return "checksum '" + actual + "' has " + got.length + " value(s), the reference " + checksum + " has " + want.length
          + " (docs/workloads.md; ./bench build if a runner is stale)";
    }
    for (int k = 0; k < want.length; k++) {
      double g;
      try {
        g = Double.parseDouble(got[k]);
      } catch (NumberFormatException e) {
        return "checksum '" + actual + "': '" + got[k] + "' is not a number";
      }
      double w = Double.parseDouble(want[k]);
      double tol = tolerances.get(k);
      double err = Math.abs(g - w);
      if (!(err <= tol)) { // NaN fails too
        String which = want.length == 1 ? "" : (k == 0 ? " (seeded input)" : " (verification input " + k + ")");
        return "checksum " + got[k] + which + " differs from reference " + want[k] + " by " + String.format("%.2e", err)
            + ", more than the float64 error bound " + String.format("%.2e", tol);
      }
    }
    return null;
  }
}
