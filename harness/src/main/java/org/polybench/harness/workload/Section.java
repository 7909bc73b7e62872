package org.polybench.harness.workload;

/**
 * The sections of the report (tables in summary.md, charts) a workload asks for, beyond what
 * every workload gets. A workload declares them in {@link Workload#sections()}; the outputs draw
 * a section for exactly the workloads that declare it, so a new workload picks its sections
 * without an edit in shared report code.
 */
public enum Section {
  /** Median time per iteration with its CI, factor vs fastest, time vs size, bars: every workload. */
  TIMES,
  /**
   * Speedup and efficiency against threads at the largest size, absolute time at the most threads,
   * and what a process pool's start-up adds: workloads whose kernels take --threads.
   */
  THREAD_SCALING,
  /** Throughput (MB/s, tokens/s) and latency per document: workloads sized in bytes of text. */
  THROUGHPUT,
  /**
   * Per-iteration latency percentiles (p50, p99, p99.9, max, from stats.latency) per cell, with
   * the samples they rest on and the collections in the same calls beside them; a chart of them at
   * the largest size. Every workload timing kernel calls declares it by default.
   */
  LATENCY,
  /** The time of every iteration from process start, JIT runtimes beside CPython and Java. */
  WARMUP,
  /** Whole-process times as bars, with the cost of spawning a trivial process (the floor) drawn. */
  STARTUP,
  /**
   * Peak RSS, the runner's baseline, bytes per element, allocation per call and the collections in
   * the measured calls (view.MemoryFigures); peak RSS vs size and bytes per element as charts.
   * Every workload declares it by default ({@link Workload#sections()}).
   */
  MEMORY
}
