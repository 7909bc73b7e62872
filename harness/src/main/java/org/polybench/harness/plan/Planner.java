package org.polybench.harness.plan;

import org.polybench.harness.workload.Workloads;

import org.polybench.harness.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.polybench.harness.UserError;

/** Expands a {@link PlanRequest} into the ordered cells of a run, rejecting unknown names. */
public final class Planner {
  private Planner() {}

  /** The cells of {@code req} over the implementations the runners listed ({@code catalogue}). */
  public static Plan expand(PlanRequest req, Implementations catalogue) {
    check(req);
    List<Workload> workloads = resolveWorkloads(req.workloads());
    List<Implementation> impls = resolveImplementations(catalogue, req.implementations(), req.languages());
    List<Integer> asked = req.threads() == null || req.threads().isEmpty() ? null : List.copyOf(new LinkedHashSet<>(req.threads()));
    List<Integer> sweep = asked != null ? asked : defaultThreads(Runtime.getRuntime().availableProcessors());
    boolean named = req.implementations() != null && !req.implementations().isEmpty();
    List<Cell> cells = new ArrayList<>();
    for (Workload w : workloads) {
      // a size given twice (--sizes 1e3,1000) is one cell
      List<Long> sizes = List.copyOf(new LinkedHashSet<>(
          req.sizes() != null && !req.sizes().isEmpty() ? req.sizes() : req.quick() ? w.quickSizes() : w.defaultSizes()));
      for (long size : sizes) {
        for (Implementation impl : impls) {
          if (!impl.supports(w.name())) continue;
          if (req.quick() && !named && !inQuickSet(w, impl)) continue;
          // only threaded workloads get the sweep; the others' kernels are single-threaded
          for (int t : w.threaded() ? sweep : List.of(1)) {
            cells.add(new Cell(w, impl, size, t));
          }
        }
      }
    }
    if (cells.isEmpty()) {
      throw new UserError(
          "nothing to run: none of the chosen implementations provides the chosen workloads (see ./bench list)");
    }
    int warmup = req.warmup() != null ? req.warmup() : req.quick() ? Settings.QUICK_WARMUP : Settings.DEFAULT_WARMUP;
    int iterations = req.iterations() != null ? req.iterations() : req.quick() ? Settings.QUICK_ITERATIONS : Settings.DEFAULT_ITERATIONS;
    var timeout = req.timeout() != null ? req.timeout() : Settings.DEFAULT_TIMEOUT;
    int invocations =
        req.invocations() != null ? req.invocations() : req.quick() ? Settings.QUICK_INVOCATIONS : Settings.DEFAULT_INVOCATIONS;
    return new Plan(
        List.copyOf(cells),
        new Settings(req.seed(), warmup, iterations, req.quick(), timeout, Settings.WARMUP_WORK, invocations));
  }

  /** Whether --quick runs {@code impl} for {@code w} ({@link Workload#quickImplementations}). */
  static boolean inQuickSet(Workload w, Implementation impl) {
    java.util.Set<String> quick = w.quickImplementations();
    String id = impl.id();
    return quick == null || quick.contains(id) || (id.endsWith("-ft") && quick.contains(id.substring(0, id.length() - 3)));
  }

  /**
   * The checks that need no catalogue, so a wrong flag is reported before anything is built:
   * workload names, thread counts, sizes, warm-up, iterations, timeout and invocations.
   */
  public static void check(PlanRequest req) {
    SizeGuard.checkLimits(resolveWorkloads(req.workloads()), req.sizes());
    if (req.threads() != null) {
      for (int t : req.threads()) {
        if (t < 1) throw new UserError("bad thread count " + t + " in --threads: use positive integers, e.g. --threads 1,2");
      }
    }
    if (req.sizes() != null) {
      for (long s : req.sizes()) {
        if (s < 1) throw new UserError("bad size " + s + " in --sizes: sizes are positive integers, e.g. --sizes 1000,1e6");
      }
    }
    if (req.warmup() != null && req.warmup() < 0) throw new UserError("bad --warmup " + req.warmup() + ": use 0 or more warm-up iterations");
    if (req.iterations() != null && req.iterations() < 1) {
      throw new UserError("bad --iterations " + req.iterations() + ": use at least 1 measured iteration");
    }
    if (req.timeout() != null && (req.timeout().isNegative() || req.timeout().isZero())) {
      throw new UserError("bad --timeout: use a positive number of seconds");
    }
    if (req.invocations() != null && req.invocations() < 1) {
      throw new UserError("bad --invocations " + req.invocations() + ": use at least 1 process per cell");
    }
  }

  /**
   * The thread counts of a threaded workload when --threads is not given: 1, the powers of two
   * below the logical core count, and the core count itself (1,2 on 2 cores; 1,2,4,6 on 6;
   * 1,2,4,8,16 on 16).
   */
  public static List<Integer> defaultThreads(int logicalCores) {
    List<Integer> t = new ArrayList<>();
    for (int p = 1; p < logicalCores; p *= 2) t.add(p);
    t.add(Math.max(1, logicalCores));
    return List.copyOf(t);
  }

  private static List<Workload> resolveWorkloads(List<String> names) {
    if (names == null || names.isEmpty()) return Workloads.all();
    Set<Workload> out = new LinkedHashSet<>();
    for (String n : names) {
      out.add(
          Workloads.find(n.trim())
              .orElseThrow(
                  () -> new UserError(
                      "unknown workload '" + n + "' in --workloads: known workloads are "
                          + String.join(", ", Workloads.names()) + " (see ./bench list)")));
    }
    return List.copyOf(out);
  }

  private static List<Implementation> resolveImplementations(
      Implementations catalogue, List<String> ids, List<String> languages) {
    List<Implementation> all = catalogue.all();
    if (all.isEmpty()) {
      throw new UserError("no runner listed any implementation (the warnings above say why): build them with ./bench build");
    }
    Set<Implementation> out = new LinkedHashSet<>();
    if (ids != null && !ids.isEmpty()) {
      for (String id : ids) {
        out.add(
            catalogue.find(id.trim())
                .orElseThrow(
                    () -> new UserError(
                        "unknown implementation '" + id + "' in --implementations: use language/variant, one of "
                            + String.join(", ", all.stream().map(Implementation::id).toList()))));
      }
    }
    if (languages != null && !languages.isEmpty()) {
      List<String> known = catalogue.languages();
      for (String l : languages) {
        if (!known.contains(l.trim())) {
          throw new UserError(
              "unknown language '" + l + "' in --languages: known languages are " + String.join(", ", known));
        }
      }
      List<String> wanted = languages.stream().map(String::trim).toList();
      if (out.isEmpty()) {
        all.stream().filter(i -> wanted.contains(i.language()) && !i.optIn()).forEach(out::add);
      } else {
        out.removeIf(i -> !wanted.contains(i.language()));
      }
    }
    if (out.isEmpty()) {
      if ((ids == null || ids.isEmpty()) && (languages == null || languages.isEmpty())) {
        return all.stream().filter(i -> !i.optIn()).toList();
      }
      throw new UserError("--implementations and --languages together select nothing: drop one of them or widen it");
    }
    return List.copyOf(out);
  }
}
