package org.polybench.harness.workload;

import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Exact;
import org.polybench.harness.verify.Reference;
import org.polybench.workloads.SplitMix64;

/** {@code dot}: sum of a[i]*b[i], a from seed, b from seed + 1 (docs/workloads.md). */
public final class Dot extends VectorWorkload {
  @Override
  public String name() {
    return "dot";
  }

  @Override
  public String description() {
    return "dot product of two float64 vectors";
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    SplitMix64 a = new SplitMix64(seed);
    SplitMix64 b = new SplitMix64(seed + 1);
    Exact.Sum sum = new Exact.Sum();
    for (long i = 0; i < size; i++) {
      sum.addProduct(a.nextDouble(), b.nextDouble());
    }
    return new Reference(Double.toString(sum.value()), ChecksumKind.FLOAT);
  }
}
