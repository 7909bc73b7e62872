package org.polybench.harness.workload;

import org.polybench.harness.verify.Exact;
import org.polybench.harness.verify.FloatBound;
import org.polybench.harness.verify.Reference;
import org.polybench.workloads.SplitMix64;

/**
 * {@code dot}: sum of a[i]*b[i], a from seed, b from seed + 1; the checksum is that value and the
 * dot of the verification input, each within the float64 error bound (docs/workloads.md#dot).
 */
public final class Dot extends VectorWorkload {
  /** The verification input's one value that is not 1: a quarter of float32's ulp above 1. */
  public static final double VERIFY_VALUE = 1 + 0x1p-25;

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
    return java.util.List.of(1L, 100L, 10_000L, 1_000_000L);
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    SplitMix64 a = new SplitMix64(seed);
    SplitMix64 b = new SplitMix64(seed + 1);
    Exact.Sum sum = new Exact.Sum();
    Exact.Sum magnitude = new Exact.Sum();
    for (long i = 0; i < size; i++) {
      double x = a.nextDouble();
      double y = b.nextDouble();
      sum.addProduct(x, y);
      magnitude.addProduct(Math.abs(x), Math.abs(y));
    }
    Exact.Sum verify = new Exact.Sum();
    for (long i = 0; i < size; i++) {
      verify.addProduct(verifyA(i), verifyB(i));
    }
    double bound = FloatBound.dot(size);
    // every verification product is positive: its magnitude sum is the value itself
    return Reference.floats(
        new double[] {sum.value(), verify.value()},
        new double[] {bound * magnitude.value(), bound * verify.value()});
  }

  /**
   * The verification input's a[i] (docs/workloads.md#dot): {@link #VERIFY_VALUE} at even i, 1 at
   * odd i; b is the other way round. Every product is 1 + 2^-25 and every partial sum of fewer than
   * 2^27 of them is exact in float64, so any correct order gives n (1 + 2^-25) exactly, while
   * rounding either input to float32 (1 + 2^-25 becomes 1) loses half of the 2^-25 terms.
   */
  public static double verifyA(long i) {
    return i % 2 == 0 ? VERIFY_VALUE : 1.0;
  }

  public static double verifyB(long i) {
    return i % 2 == 0 ? 1.0 : VERIFY_VALUE;
  }
}
