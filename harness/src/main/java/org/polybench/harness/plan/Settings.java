package org.polybench.harness.plan;

import java.time.Duration;
import org.polybench.harness.workload.Workload;

/** How every cell of a run is measured. */
public record Settings(long seed, int warmup, int iterations, boolean quick, Duration timeout, long warmupWork, int invocations) {
  /** Fresh processes per cell: a JIT can settle differently in each, and one process hides that. */
  public static final int DEFAULT_INVOCATIONS = 3;

  public static final int QUICK_INVOCATIONS = 2;

  /** Settings of one process per cell (tests, fake runners). */
  public Settings(long seed, int warmup, int iterations, boolean quick, Duration timeout, long warmupWork) {
    this(seed, warmup, iterations, quick, timeout, warmupWork, 1);
  }

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_WARMUP = 3;
  public static final int DEFAULT_ITERATIONS = 20;
  /**
   * --quick's fewest warm-up calls: 1, pyperf's default (one warm-up value), besides the minimum
   * warm-up time; JIT runners get the warm-up work rule's 50 and more. A second call was about
   * 2.5 s of the quick run's two minutes, nearly all in CPython's long calls (transformers-slow
   * 0.23 s, binary-trees at depth 16 0.18 s, normalize's loop at 1e6 0.13 s).
   */
  public static final int QUICK_WARMUP = 1;
  public static final int QUICK_ITERATIONS = 10;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Warm-up work every cell gets, in units of size (elements, bytes). A count alone would warm a
   * 1e3-element kernel for microseconds, before HotSpot's C2 (or any JIT) has compiled it, and
   * call the interpreter's speed Java's. The same rule applies to every language.
   */
  public static final long WARMUP_WORK = org.polybench.harness.workload.Workload.DEFAULT_WARMUP_WORK;

  /** The fewest warm-up calls a JIT runner gets at any size of a workload that does not lower it ({@link Workload#minJitWarmup}). */
  public static final int MIN_JIT_WARMUP = Workload.DEFAULT_MIN_JIT_WARMUP;

  /** Bounds the warm-up at tiny sizes; 5000 calls are far past any JIT's compile thresholds. */
  public static final int MAX_WARMUP = 5_000;

  /**
   * The minimum warm-up time of a process (--warmup-time-ms), besides the count, as JMH and pyperf
   * warm up for a time: runners that compile while they run (HotSpot, Truffle) get the longer one,
   * so the JIT has finished its top tier (HotSpot compiles a method at C2 after hundreds of calls;
   * fewer leave a long loop in its on-stack-replacement version).
   */
  public static final long WARMUP_TIME_MS = 200;

  public static final long QUICK_WARMUP_TIME_MS = 50;
  public static final long JIT_WARMUP_TIME_MS = 1_000;
  public static final long QUICK_JIT_WARMUP_TIME_MS = 300;

  /** This run's minimum warm-up time for a runner; 0 when the warm-up work rule is off. */
  public long warmupTimeMs(boolean jit) {
    if (warmupWork <= 0) return 0;
    if (jit) return quick ? QUICK_JIT_WARMUP_TIME_MS : JIT_WARMUP_TIME_MS;
    return quick ? QUICK_WARMUP_TIME_MS : WARMUP_TIME_MS;
  }

  /** Warm-up iterations for one size: at least {@link #warmup()}, and enough for warmupWork. */
  public int warmupFor(long size) {
    return warmupFor(size, warmupWork, MIN_JIT_WARMUP);
  }

  /**
   * Warm-up iterations of a JIT runner for one cell of {@code workload} at {@code size}: enough
   * calls for the smaller of the workload's {@link Workload#warmupWork()} and this run's
   * warmupWork, at least {@link Workload#minJitWarmup()}; 0 or less in the settings turns the rule off.
   */
  public int warmupFor(Workload workload, long size) {
    return warmupFor(size, workload.warmupWork(), workload.minJitWarmup());
  }

  /**
   * The fewest warm-up iterations the rule gives a JIT runner for {@code workload}, what it gives
   * at a size large enough that the work asks for fewer calls (a baseline process uses it).
   */
  public int jitWarmupFloor(Workload workload) {
    return warmupWork <= 0 ? warmup : Math.max(warmup, workload.minJitWarmup());
  }

  private int warmupFor(long size, long workloadWork, int minJitWarmup) {
    if (warmupWork <= 0) return warmup;
    long work = Math.max(1, Math.min(warmupWork, workloadWork));
    long forWork = size <= 0 ? MAX_WARMUP : Math.max(minJitWarmup, Math.min(MAX_WARMUP, (work + size - 1) / size));
    return (int) Math.max(warmup, forWork);
  }
}
