package org.polybench.harness.plan;

import java.util.Set;

/**
 * One way to run workloads: {@code language/variant}, e.g. {@code python/numpy}. The language is
 * the one the caller writes in, so Python calling our Rust extension is {@code python/rust-ext}.
 *
 * @param kind what a reader should take it for: the naive version articles show, the idiomatic
 *     one a practitioner writes, or an optimised one
 * @param workloads the workloads this implementation provides
 * @param runner the {@code lang/Languages} entry that builds and starts its runner: its language,
 *     unless it runs elsewhere ({@code python/graalpy} is Python run by the JVM runner "graalpy")
 */
public record Implementation(
    String language, String variant, Kind kind, String description, Set<String> workloads, String runner, boolean optIn) {

  public Implementation {
    runner = runner == null ? language : runner;
  }

  /**
   * An implementation with its own runner, in every default run. {@code optIn} ones (seconds of
   * start-up per process, minutes of JIT warm-up) run only when named in --implementations.
   */
  public Implementation(String language, String variant, Kind kind, String description, Set<String> workloads, String runner) {
    this(language, variant, kind, description, workloads, runner, false);
  }

  /** An implementation run by its own language's runner. */
  public Implementation(String language, String variant, Kind kind, String description, Set<String> workloads) {
    this(language, variant, kind, description, workloads, language, false);
  }

  public enum Kind {
    NAIVE,
    IDIOMATIC,
    OPTIMIZED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public String id() {
    return language + "/" + variant;
  }

  public boolean supports(String workload) {
    return workloads.contains(workload);
  }
}
