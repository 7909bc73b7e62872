package org.polybench.harness.plan;

import static org.polybench.harness.plan.Implementation.Kind.IDIOMATIC;
import static org.polybench.harness.plan.Implementation.Kind.NAIVE;
import static org.polybench.harness.plan.Implementation.Kind.OPTIMIZED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of implementations. Each language's runner must accept the variant for every
 * workload listed here; one line per variant.
 */
public final class Implementations {
  private static final Map<String, Implementation> ALL = new LinkedHashMap<>();
  private static final Set<String> NUMERIC = Set.of("dot", "normalize");

  static {
    add("python", "pure", NAIVE, "plain CPython over lists, as a Python developer writes it", NUMERIC);
    add("python", "numpy", IDIOMATIC, "NumPy on float64 arrays", NUMERIC);
    add("python", "rust-ext", OPTIMIZED, "our Rust kernel via PyO3; Python lists converted to Vec<f64> inside the timed call", NUMERIC);
    add("python", "rust-ext-numpy", OPTIMIZED, "our Rust kernel via rust-numpy, borrowing NumPy arrays without copying", NUMERIC);
    add("rust", "naive", NAIVE, "the straightforward iterator loop", NUMERIC);
    add("rust", "optimized", OPTIMIZED, "independent accumulators the compiler vectorises, fused passes; lto, target-cpu=native", NUMERIC);
    add("java", "scalar", IDIOMATIC, "a plain loop over double[] (HotSpot C2)", NUMERIC);
    add("java", "vector", OPTIMIZED, "the Vector API (jdk.incubator.vector)", NUMERIC);
  }

  private Implementations() {}

  private static void add(String language, String variant, Implementation.Kind kind, String description, Set<String> workloads) {
    Implementation impl = new Implementation(language, variant, kind, description, workloads);
    ALL.put(impl.id(), impl);
  }

  public static List<Implementation> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<Implementation> find(String id) {
    return Optional.ofNullable(ALL.get(id));
  }

  public static List<String> languages() {
    return ALL.values().stream().map(Implementation::language).distinct().toList();
  }
}
