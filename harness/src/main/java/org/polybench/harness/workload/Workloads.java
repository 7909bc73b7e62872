package org.polybench.harness.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of workloads: adding one is one file in harness/workload plus one line here. */
public final class Workloads {
  private static final Map<String, Workload> ALL = new LinkedHashMap<>();

  static {
    register(new Dot());
    register(new Normalize());
    register(new Parallel());
    register(new Tokenize());
    register(new BinaryTrees());
    register(new Startup());
  }

  private Workloads() {}

  private static void register(Workload w) {
    ALL.put(w.name(), w);
  }

  public static List<Workload> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<Workload> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /**
   * The sections the named workload declares; a workload this harness does not know (an old
   * results.json) gets the times only.
   */
  public static List<Section> sectionsOf(String name) {
    return find(name).map(Workload::sections).orElse(List.of(Section.TIMES));
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}
