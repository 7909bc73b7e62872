package org.polybench.harness.workload;

import java.util.List;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;

/**
 * {@code parallel}: the sum over i in [0, size) of {@code mix(seed + i) >>> 40} mod 2^64, where mix
 * is SplitMix64's output function (docs/workloads.md). The thread-sweep workload: the answer is an
 * exact integer, the same for every thread count, compared exactly ({@code u64}).
 *
 * <p>The reference is written here from the spec, not taken from any implementation: Java's long
 * arithmetic wraps mod 2^64 exactly as the spec's unsigned arithmetic does, and
 * {@link Long#toUnsignedString} prints the bits as the unsigned value.
 */
public final class Parallel implements Workload {
  /**
   * Warm-up work per cell for the JIT runners, in elements: 1e6 is several hundred thousand loop
   * iterations, enough for HotSpot's C2 to compile the kernel before the samples (the run's 1e8
   * would add seconds per cell for nothing).
   */
  static final long WARMUP_WORK = 1_000_000L;

  @Override
  public String name() {
    return "parallel";
  }

  @Override
  public String description() {
    return "CPU-bound integer loop (SplitMix64 mix) split over threads, exact u64 sum";
  }

  @Override
  public String sizeUnit() {
    return "elements";
  }

  /** Pure Python takes seconds per call at 1e7. */
  @Override
  public List<Long> defaultSizes() {
    return List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);
  }

  /**
   * The one size every implementation runs at in --quick (tens of milliseconds for pure Python);
   * each also runs at its own calibrated size (plan.Calibration), which the speedups use.
   */
  @Override
  public List<Long> quickSizes() {
    return List.of(100_000L);
  }

  /**
   * --quick's thread sweep: the variants the speedup claims and chart compare (the GIL's threads,
   * processes, spawn-per-call and pooled Rust threads, Java's pool), each at its calibrated size of
   * 50 ms or more per call (Calibration.QUICK_TARGET); the full run adds the other five (python/threads-pool,
   * python/rust-ext-threads, python/rust-ext-pool, python/numpy-threads, java/parallel-streams),
   * which would double the section (about 55 s more here).
   */
  @Override
  public java.util.Set<String> quickImplementations() {
    return java.util.Set.of("python/threads", "python/processes", "rust/threads", "rust/rayon", "java/threads");
  }

  @Override
  public boolean threaded() {
    return true;
  }

  @Override
  public long warmupWork() {
    return WARMUP_WORK;
  }

  /**
   * The JIT runners' fewest warm-up calls here: {@value #MIN_JIT_WARMUP}, not 50. Its JIT runners
   * (java/threads, java/parallel-streams) compile the one loop during the first call; at a
   * calibrated size (a call of 100 ms or more) 50 calls were 5-8 s of warm-up per process, about
   * 45 s of the quick run, and the calls after the third showed no trend (java/threads at 9.3e7:
   * 132, 128, 115 ms warm-up, then 112-177 ms in both halves, the machine's noise). At small sizes
   * the minimum warm-up time still makes it hundreds of calls.
   */
  static final int MIN_JIT_WARMUP = 5;

  @Override
  public int minJitWarmup() {
    return MIN_JIT_WARMUP;
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    return new Reference(Long.toUnsignedString(sum(seed, size)), ChecksumKind.U64);
  }

  /** The spec, one element at a time. */
  static long sum(long seed, long size) {
    long s = 0;
    for (long i = 0; i < size; i++) {
      s += mix(seed + i) >>> 40;
    }
    return s;
  }

  static long mix(long v) {
    long z = v;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
