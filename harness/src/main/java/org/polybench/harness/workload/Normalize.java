package org.polybench.harness.workload;

import org.polybench.harness.verify.Checksums;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;
import org.polybench.workloads.SplitMix64;

/**
 * {@code normalize}: min-max scaling into [0,1]. Subtraction and division are correctly rounded,
 * so every correct implementation gives the same bits; the checksum is exact and order-sensitive:
 * the count and SHA-256 of the outputs' float64 bit patterns (docs/workloads.md#normalize).
 */
public final class Normalize extends VectorWorkload {
  @Override
  public String name() {
    return "normalize";
  }

  @Override
  public String description() {
    return "min-max scaling of a float64 vector into a new one";
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    double[] x = SplitMix64.doubles(seed, Math.toIntExact(size));
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    Checksums.F64Digest digest = new Checksums.F64Digest();
    for (double v : x) {
      // the spec's formula, subtract then divide; all zeros when max == min
      digest.add(hi == lo ? 0.0 : (v - lo) / (hi - lo));
    }
    return new Reference(digest.checksum(), ChecksumKind.F64_SHA256);
  }
}
