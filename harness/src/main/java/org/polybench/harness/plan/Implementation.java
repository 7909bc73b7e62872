package org.polybench.harness.plan;

import java.util.Set;

/**
 * One way to run workloads: {@code language/variant}, e.g. {@code python/numpy}. The language is
 * the one the caller writes in, so Python calling our Rust extension is {@code python/rust-ext}.
 *
 * @param kind what a reader should take it for: the naive version articles show, the idiomatic
 *     one a practitioner writes, or an optimised one
 * @param workloads the workloads this implementation provides
 */
public record Implementation(String language, String variant, Kind kind, String description, Set<String> workloads) {

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
