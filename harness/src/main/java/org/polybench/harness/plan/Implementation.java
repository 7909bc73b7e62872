package org.polybench.harness.plan;

import java.util.Map;
import java.util.Set;

/**
 * One way to run workloads: {@code language/variant}, e.g. {@code python/numpy}. The language is
 * the one the caller writes in, so Python calling our Rust extension is {@code python/rust-ext}.
 * Made from the runners' {@code --list} catalogues ({@link Catalogue}); the harness registers none.
 *
 * @param kind what a reader should take it for: the naive version articles show, the idiomatic
 *     one a practitioner writes, or an optimised one
 * @param descriptions the workloads this implementation provides, each with the runner's one-line
 *     description of it, in the runner's order
 * @param runner the {@code lang/Languages} entry that builds and starts its runner: its language,
 *     unless it runs elsewhere ({@code python/graalpy} is Python run by the JVM runner "graalpy")
 * @param optIn runs only when named in --implementations (seconds of start-up per process)
 * @param unavailable per workload, why the runner said it cannot run here (absent: it can)
 */
public record Implementation(
    String language,
    String variant,
    Kind kind,
    Map<String, String> descriptions,
    String runner,
    boolean optIn,
    Map<String, String> unavailable) {

  public Implementation {
    runner = runner == null ? language : runner;
    descriptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(descriptions));
    unavailable = unavailable == null ? Map.of() : Map.copyOf(unavailable);
  }

  public enum Kind {
    NAIVE,
    IDIOMATIC,
    OPTIMIZED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The catalogue's word for a kind ("naive", "idiomatic", "optimized"). */
    public static Kind parse(String label) {
      for (Kind k : values()) if (k.label().equals(label)) return k;
      throw new IllegalArgumentException("kind '" + label + "' is none of naive, idiomatic, optimized");
    }
  }

  public String id() {
    return language + "/" + variant;
  }

  public Set<String> workloads() {
    return descriptions.keySet();
  }

  public boolean supports(String workload) {
    return descriptions.containsKey(workload);
  }

  /** The runner's description of this implementation of one workload. */
  public String description(String workload) {
    return descriptions.getOrDefault(workload, "");
  }
}
