package org.polybench.harness.workload;

import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Exact;
import org.polybench.harness.verify.Reference;
import org.polybench.workloads.SplitMix64;

/** {@code normalize}: min-max scaling into [0,1]; checksum is the sum of the outputs. */
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
    Exact.Sum sum = new Exact.Sum();
    if (hi > lo) {
      double range = hi - lo;
      for (double v : x) {
        sum.add((v - lo) / range);
      }
    }
    return new Reference(Double.toString(sum.value()), ChecksumKind.FLOAT);
  }
}
