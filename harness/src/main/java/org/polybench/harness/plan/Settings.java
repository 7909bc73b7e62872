package org.polybench.harness.plan;

import java.time.Duration;

/** How every cell of a run is measured. */
public record Settings(long seed, int warmup, int iterations, boolean quick, Duration timeout, long warmupWork) {
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_WARMUP = 3;
  public static final int DEFAULT_ITERATIONS = 20;
  public static final int QUICK_WARMUP = 2;
  public static final int QUICK_ITERATIONS = 10;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Warm-up work every cell gets, in units of size (elements, bytes). A count alone would warm a
   * 1e3-element kernel for microseconds, before HotSpot's C2 (or any JIT) has compiled it, and
   * call the interpreter's speed Java's. The same rule applies to every language.
   */
  public static final long WARMUP_WORK = 20_000_000L;

  /** Keeps results.json small at tiny sizes; 5000 calls are far past any JIT threshold. */
  public static final int MAX_WARMUP = 5_000;

  /** Warm-up iterations for one size: at least {@link #warmup()}, and enough for warmupWork. */
  public int warmupFor(long size) {
    if (warmupWork <= 0) return warmup;
    long forWork = size <= 0 ? MAX_WARMUP : Math.min(MAX_WARMUP, (warmupWork + size - 1) / size);
    return (int) Math.max(warmup, forWork);
  }
}
