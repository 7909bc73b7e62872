package org.polybench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.Verification;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;

/** Runs built in code for the chart and report tests: deterministic, no timing involved. */
public final class FakeRuns {
  private FakeRuns() {}

  /**
   * summary.md of {@code run} (no chart links), once it is checked to hold each of {@code lines}; a
   * missing line fails with the whole summary in the message.
   */
  public static String summaryWith(RunRecord run, String... lines) {
    String md = SummaryMarkdown.render(run, List.of());
    for (String line : lines) {
      org.junit.jupiter.api.Assertions.assertTrue(md.contains(line), () -> "summary.md lacks: " + line + "\n" + md);
    }
    return md;
  }

  /** A verified cell with these samples. */
  public static CellResult ok(String workload, String impl, long size, int threads, List<Long> samples) {
    String[] lv = impl.split("/", 2);
    Invocation one = Invocation.succeeded(1, 1_000_000_000L, List.of(samples.get(0)), samples, 50_000_000L, "1.0", "float", Map.of(), null);
    return CellResult.of(
        workload, lv[0], lv[1], size, threads, Status.OK, null, List.of("runner"), List.of(one),
        new Verification("1.0", "float", "1.0", true, null));
  }

  public static CellResult ok(String workload, String impl, long size, List<Long> samples) {
    return ok(workload, impl, size, 1, samples);
  }

  /** A cell that crashed: no samples. */
  public static CellResult failed(String workload, String impl, long size, String error) {
    return broken(workload, impl, size, Status.FAILED, error, null);
  }

  public static CellResult unavailable(String workload, String impl, long size, String error) {
    return broken(workload, impl, size, Status.UNAVAILABLE, error, null);
  }

  /** Measured, but the answer was wrong: it has samples and a median, and must still not be drawn. */
  public static CellResult invalid(String workload, String impl, long size, String error, List<Long> samples) {
    return broken(workload, impl, size, Status.INVALID, error, samples);
  }

  private static CellResult broken(String workload, String impl, long size, Status status, String error, List<Long> samples) {
    String[] lv = impl.split("/", 2);
    Invocation one = samples == null
        ? Invocation.failed(1, status == Status.FAILED ? 137 : 0, 2_000_000_000L, error)
        : Invocation.succeeded(1, 2_000_000_000L, List.of(), samples, null, "2.0", "float", Map.of(), null);
    return CellResult.of(
        workload, lv[0], lv[1], size, 1, status, error, List.of("runner"), List.of(one),
        new Verification(samples == null ? null : "2.0", "float", "1.0", false, samples == null ? null : error));
  }

  public static Map<String, Object> environment() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu_model", "AMD EPYC 7B13 64-Core Processor");
    machine.put("logical_cores", 16);
    machine.put("memory_bytes", 67_430_178_816L);
    machine.put("os", "Linux");
    machine.put("kernel", "6.8.0-45-generic");
    machine.put("arch", "x86_64");
    Map<String, Object> java = new LinkedHashMap<>();
    java.put("version", "21.0.5");
    java.put("vendor", "Eclipse Adoptium");
    Map<String, Object> toolchains = new LinkedHashMap<>();
    toolchains.put("java", java);
    toolchains.put("python", Map.of("version", "3.12.3"));
    toolchains.put("rustc", "rustc 1.83.0 (90b35a623 2024-11-26)");
    toolchains.put("cargo", "cargo 1.83.0");
    toolchains.put("maturin", "maturin 1.7.4");
    Map<String, Object> libraries = new LinkedHashMap<>();
    libraries.put("numpy", "2.1.3");
    libraries.put("pyo3", "0.22.6");
    libraries.put("rust-numpy", "0.22.1");
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("machine", machine);
    env.put("toolchains", toolchains);
    env.put("libraries", libraries);
    env.put("git", Map.of("commit", "3f2c9a1e5b7d", "dirty", true));
    env.put("harness_version", "0.1.0");
    // the runners' word on each implementation's kind, as the orchestrator records it
    env.put("catalogue", org.polybench.harness.plan.TestCatalogue.standard().all().stream()
        .map(i -> Map.of("id", i.id(), "kind", i.kind().label())).toList());
    return env;
  }

  public static Map<String, Object> settings(List<Long> sizes) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("seed", 42);
    s.put("warmup", 5);
    s.put("iterations", 20);
    s.put("sizes", sizes);
    s.put("threads", List.of(1));
    return s;
  }

  /**
   * The small run of the golden file: dot with three implementations at two sizes (one cell
   * failed, one invalid), normalize with two, and tokenize whose only cells are invalid or
   * unavailable.
   */
  public static RunRecord small() {
    List<CellResult> ms = new ArrayList<>();
    ms.add(ok("dot", "python/pure", 1_000, List.of(52_000L, 50_000L, 51_000L, 55_000L, 49_000L)));
    ms.add(ok("dot", "python/pure", 1_000_000, List.of(51_000_000L, 50_000_000L, 53_000_000L, 50_500_000L, 49_900_000L)));
    ms.add(ok("dot", "python/numpy", 1_000, List.of(2_100L, 2_000L, 2_050L, 2_300L, 1_990L)));
    ms.add(ok("dot", "python/numpy", 1_000_000, List.of(510_000L, 500_000L, 505_000L, 530_000L, 499_000L)));
    ms.add(ok("dot", "rust/optimized", 1_000, List.of(300L, 310L, 305L, 350L, 299L)));
    ms.add(failed("dot", "rust/optimized", 1_000_000, "runner exited with code 137 (killed: out of memory?)\nstderr: memory allocation of 8000000 bytes failed"));
    ms.add(invalid("dot", "java/scalar", 1_000, "checksum 250.123 differs from the reference 250.456 (relative 1.3e-3 > 1e-9) | wrong", List.of(900L, 910L, 905L)));
    ms.add(ok("dot", "java/scalar", 1_000_000, List.of(1_000_000L, 1_010_000L, 990_000L, 1_200_000L, 995_000L)));
    ms.add(ok("normalize", "rust/naive", 10_000, List.of(20_000L, 20_500L, 19_800L)));
    ms.add(ok("normalize", "java/vector", 10_000, List.of(6_000L, 6_100L, 5_950L, 6_050L, 6_020L, 6_010L, 5_990L, 6_005L, 6_030L, 6_040L)));
    ms.add(invalid("tokenize", "python/pure", 1_000, "checksum 17 differs from the reference 18", List.of(10_000L, 11_000L)));
    ms.add(unavailable("tokenize", "rust/naive", 1_000, "cargo not found: install Rust with rustup (https://rustup.rs)"));
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        "20251123T202900Z-small",
        "2025-11-23T20:29:00Z",
        "2025-11-23T20:41:30Z",
        List.of("bench", "run", "--quick"),
        settings(List.of(1_000L, 1_000_000L)),
        environment(),
        ms);
  }

  /** Per-element cost and fixed overhead of each implementation, roughly as measured on a laptop. */
  private static final Map<String, double[]> COST =
      Map.of(
          "python/pure", new double[] {35, 300},
          "python/numpy", new double[] {0.5, 1500},
          "python/rust-ext", new double[] {8, 500},
          "python/rust-ext-numpy", new double[] {0.32, 800},
          "rust/naive", new double[] {1.0, 50},
          "rust/optimized", new double[] {0.3, 50},
          "java/scalar", new double[] {1.0, 200},
          "java/vector", new double[] {0.35, 200});

  /**
   * A realistic full run: 8 implementations, dot and normalize at 1e3..1e7, python/pure about
   * 100x slower than rust/optimized, numpy close to rust; a failed, an invalid and an unavailable
   * cell; 20 samples each with a few percent of seeded noise.
   */
  public static RunRecord realistic() {
    Random rnd = new Random(7);
    List<Long> sizes = List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
    List<CellResult> ms = new ArrayList<>();
    for (String w : List.of("dot", "normalize")) {
      double wf = w.equals("dot") ? 1.0 : 2.2;
      for (String impl : List.of(
          "python/pure", "python/numpy", "python/rust-ext", "python/rust-ext-numpy",
          "rust/naive", "rust/optimized", "java/scalar", "java/vector")) {
        for (long size : sizes) {
          if (w.equals("normalize") && impl.equals("java/vector") && size == 10_000_000L) {
            ms.add(failed(w, impl, size, "runner exited with code 1: java.lang.OutOfMemoryError: Java heap space"));
            continue;
          }
          if (w.equals("dot") && impl.equals("python/rust-ext") && size == 1_000L) {
            ms.add(invalid(w, impl, size, "checksum 249.87 differs from the reference 250.12", List.of(9_000L, 9_100L)));
            continue;
          }
          double[] c = COST.get(impl);
          double median = (c[0] * size * wf + c[1]) * (size >= 1_000_000 ? 1.3 : 1.0);
          List<Long> samples = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            double noise = 1 + rnd.nextGaussian() * 0.02 + (rnd.nextInt(10) == 0 ? rnd.nextDouble() * 0.3 : 0);
            samples.add(Math.max(1L, Math.round(median * noise)));
          }
          ms.add(ok(w, impl, size, samples));
        }
      }
    }
    ms.add(unavailable("tokenize", "java/vector", 1_000, "not implemented for tokenize"));
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        "20251123T202900Z-a1b2c3",
        "2025-11-23T20:29:00Z",
        "2025-11-23T21:14:05Z",
        List.of("bench", "run"),
        settings(sizes),
        environment(),
        ms);
  }

  /**
   * binary-trees at depths 10 and 16 with the collections of the measured calls as each runner
   * reports them (docs/runner-protocol.md): java/objects two processes of 500 calls, HotSpot's
   * totals only (no longest pause) and the collections of each call; python/pure one process of
   * 1,000 calls with its longest pause (gc.callbacks); rust/box none by construction. At depth 16
   * every call that collected is slow by about its pause, so the tail sits at the pauses.
   */
  public static RunRecord binaryTrees() {
    List<CellResult> ms = new ArrayList<>();
    for (long depth : List.of(10L, 16L)) {
      long scale = 1L << (depth - 10);
      ms.add(trees("rust/box", depth, 2, 500, 200_000L * scale, Set.of(), 0, Map.of(
          "collector", "none (Rust frees deterministically)", "collections", 0, "pause_ns", 0, "max_pause_ns", 0)));
      // per process: 4 calls with one young collection each, 2 ms each (8 ms in all)
      ms.add(trees("java/objects", depth, 2, 500, 400_000L * scale, Set.of(100, 200, 300, 400), 2_000_000L,
          Map.of("collector", "G1 Young Generation, G1 Old Generation", "collections", 4, "pause_ns", 8_000_000L)));
      // one process: 3 calls with a collection, the longest 12 ms
      ms.add(trees("python/pure", depth, 1, 1000, 5_000_000L * scale, Set.of(250, 500, 750), 12_000_000L,
          Map.of("collections", 3, "pause_ns", 30_000_000L, "max_pause_ns", 12_000_000L)));
    }
    return new RunRecord(RunRecord.SCHEMA_VERSION, "20251123T202900Z-trees", "2025-11-23T20:29:00Z", "2025-11-23T20:31:00Z",
        List.of("./bench", "run", "--workloads", "binary-trees"), settings(List.of(10L, 16L)), environment(), ms);
  }

  /** One binary-trees cell: per process {@code calls} samples near {@code ns}, those at {@code gcCalls} slower by {@code pauseNs}. */
  private static CellResult trees(String impl, long depth, int processes, int calls, long ns, java.util.Set<Integer> gcCalls, long pauseNs,
      Map<String, Object> gc) {
    String[] lv = impl.split("/", 2);
    String nodes = Long.toString(2 * ((1L << (depth + 1)) - 1));
    List<Invocation> inv = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      List<Long> samples = new ArrayList<>();
      List<Integer> perCall = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        boolean collected = gcCalls.contains(i);
        samples.add(ns + (i * 7919L % 101) * ns / 1000 + (collected ? pauseNs : 0));
        perCall.add(collected ? 1 : 0);
      }
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("baseline_rss_bytes", 20_000_000L);
      extra.put("gc", gc);
      if (!impl.startsWith("rust")) extra.put("gc_per_iteration", perCall);
      inv.add(Invocation.succeeded(p + 1, 2_000_000_000L, List.of(ns), samples, 60_000_000L, nodes, "u64", Map.of(), extra));
    }
    return CellResult.of("binary-trees", lv[0], lv[1], depth, 1, Status.OK, null, List.of("runner"), inv,
        new Verification(nodes, "u64", nodes, true, null));
  }
}
