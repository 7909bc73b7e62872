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

  /**
   * From one element up: at 1, 10 and 100 elements the cost of calling the kernel (a Python to
   * Rust crossing, a NumPy dispatch) dominates, which is where the FFI crossover is read.
   */
  @Override
  public java.util.List<Long> defaultSizes() {
    return java.util.List.of(1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
  }

  @Override
  public java.util.List<Long> quickSizes() {
    return java.util.List.of(1L, 10L, 100L, 1_000L, 100_000L, 1_000_000L);
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
