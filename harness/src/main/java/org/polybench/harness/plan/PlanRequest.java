package org.polybench.harness.plan;

import java.time.Duration;
import java.util.List;

/**
 * What the user asked for, before expansion. Empty lists mean "all" (workloads, implementations,
 * languages) or "the workload's defaults" (sizes); threads defaults to 1.
 */
public record PlanRequest(
    List<String> workloads,
    List<String> implementations,
    List<String> languages,
    List<Long> sizes,
    List<Integer> threads,
    boolean quick,
    long seed,
    Integer warmup,
    Integer iterations,
    Duration timeout,
    Integer invocations) {

  /** A request with the default number of processes per cell. */
  public PlanRequest(
      List<String> workloads, List<String> implementations, List<String> languages, List<Long> sizes, List<Integer> threads,
      boolean quick, long seed, Integer warmup, Integer iterations, Duration timeout) {
    this(workloads, implementations, languages, sizes, threads, quick, seed, warmup, iterations, timeout, null);
  }

  /** This request with {@code n} processes per cell. */
  public PlanRequest withInvocations(Integer n) {
    return new PlanRequest(workloads, implementations, languages, sizes, threads, quick, seed, warmup, iterations, timeout, n);
  }
}
