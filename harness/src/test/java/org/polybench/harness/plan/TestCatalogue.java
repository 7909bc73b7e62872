package org.polybench.harness.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue for unit tests that must not start runners: the shape of today's runners' --list
 * answers (ids, kinds, workloads), with placeholder descriptions. The real answers are compared
 * with ./bench list by e2e.CatalogueTest.
 */
public final class TestCatalogue {
  private TestCatalogue() {}

  private static final String NUMERIC = "dot,normalize";

  public static Implementations standard() {
    List<Implementation> all = new ArrayList<>();
    add(all, "python", "pure", "naive", "dot,normalize,tokenize", "python", false);
    add(all, "python", "numpy", "idiomatic", NUMERIC, "python", false);
    add(all, "python", "rust-ext", "optimized", "dot,normalize,tokenize", "python", false);
    add(all, "python", "rust-ext-numpy", "optimized", NUMERIC, "python", false);
    add(all, "python", "threads", "naive", "parallel", "python", false);
    add(all, "python", "processes", "idiomatic", "parallel", "python", false);
    add(all, "python", "rust-ext-threads", "optimized", "parallel", "python", false);
    add(all, "python", "numpy-threads", "idiomatic", "parallel", "python", false);
    add(all, "python", "hf-tokenizers", "idiomatic", "tokenize", "python", false);
    add(all, "python", "hf-tokenizers-batch", "idiomatic", "tokenize", "python", false);
    add(all, "rust", "naive", "naive", NUMERIC, "rust", false);
    add(all, "rust", "optimized", "optimized", NUMERIC, "rust", false);
    add(all, "rust", "threads", "idiomatic", "parallel", "rust", false);
    add(all, "rust", "rayon", "idiomatic", "parallel", "rust", false);
    add(all, "rust", "native", "optimized", "tokenize", "rust", false);
    add(all, "java", "scalar", "naive", NUMERIC, "java", false);
    add(all, "java", "vector", "optimized", NUMERIC, "java", false);
    add(all, "java", "threads", "idiomatic", "parallel", "java", false);
    add(all, "java", "parallel-streams", "idiomatic", "parallel", "java", false);
    add(all, "java", "native", "optimized", "tokenize", "java", false);
    add(all, "python", "graalpy", "naive", NUMERIC, "graalpy", true);
    return new Implementations(all);
  }

  private static void add(List<Implementation> all, String lang, String variant, String kind, String workloads, String runner, boolean optIn) {
    Map<String, String> d = new LinkedHashMap<>();
    for (String w : workloads.split(",")) d.put(w, lang + "/" + variant + " for " + w + " (test fixture)");
    all.add(new Implementation(lang, variant, Implementation.Kind.parse(kind), d, runner, optIn, Map.of()));
  }

  public static Implementation find(String id) {
    return standard().find(id).orElseThrow();
  }
}
