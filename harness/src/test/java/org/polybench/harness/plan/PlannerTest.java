package org.polybench.harness.plan;

import org.polybench.harness.workload.Workload;
import org.polybench.harness.workload.Workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.UserError;

class PlannerTest {
  private static PlanRequest request(
      List<String> workloads, List<String> impls, List<String> langs, List<Long> sizes, List<Integer> threads, boolean quick) {
    return new PlanRequest(workloads, impls, langs, sizes, threads, quick, 42, null, null, null);
  }

  @Test
  void defaultMatrixIsEveryImplementationOfEveryWorkloadAtDecadeSizes() {
    Plan p = Planner.expand(request(List.of("dot", "normalize"), List.of(), List.of(), List.of(), List.of(), false), TestCatalogue.standard());
    // 8 implementations of dot and normalize (python/graalpy is opt-in); dot from 1 element up, for the FFI crossover
    assertEquals((8 + 5) * 8, p.cells().size());
    assertEquals(List.of(1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L),
        p.cells().stream().filter(c -> c.workload().name().equals("dot")).map(Cell::size).distinct().toList());
    assertEquals(List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L),
        p.cells().stream().filter(c -> c.workload().name().equals("normalize")).map(Cell::size).distinct().toList());
    assertEquals(Settings.DEFAULT_WARMUP, p.settings().warmup());
    assertEquals(Settings.DEFAULT_ITERATIONS, p.settings().iterations());
  }

  @Test
  void quickUsesFewerSizesAndFewerIterations() {
    Plan p = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(), List.of(), true), TestCatalogue.standard());
    // 1 and 100 elements: where the call overhead of an extension shows (the FFI crossover); 1e6: the claims' size
    assertEquals(List.of(1L, 100L, 10_000L, 1_000_000L), p.cells().stream().map(Cell::size).distinct().toList());
    assertEquals(4 * 8, p.cells().size());
    assertEquals(Settings.QUICK_ITERATIONS, p.settings().iterations());
  }

  /** --quick's thread sweep runs the variants the speedup claims compare; naming others runs them. */
  @Test
  void quickRunsTheParallelQuickSetUnlessImplementationsAreNamed() {
    Plan p = Planner.expand(request(List.of("parallel"), List.of(), List.of(), List.of(), List.of(1, 2), true), TestCatalogue.standard());
    var ids = p.cells().stream().map(c -> c.implementation().id()).distinct().sorted().toList();
    assertEquals(List.of("java/threads", "python/processes", "python/threads", "rust/rayon", "rust/threads"), ids);
    Plan named = Planner.expand(request(List.of("parallel"), List.of("java/parallel-streams", "python/threads"), List.of(), List.of(), List.of(1), true),
        TestCatalogue.standard());
    assertEquals(List.of("java/parallel-streams", "python/threads"),
        named.cells().stream().map(c -> c.implementation().id()).distinct().sorted().toList());
    Plan full = Planner.expand(request(List.of("parallel"), List.of(), List.of(), List.of(), List.of(1), false), TestCatalogue.standard());
    assertTrue(full.cells().stream().anyMatch(c -> c.implementation().id().equals("java/parallel-streams")), "the full run has every variant");
    var ft = new org.polybench.harness.plan.Implementation("python", "threads-ft", org.polybench.harness.plan.Implementation.Kind.NAIVE,
        java.util.Map.of("parallel", "free-threaded"), "python", false, null);
    var parallel = org.polybench.harness.workload.Workloads.find("parallel").orElseThrow();
    assertTrue(Planner.inQuickSet(parallel, ft), "a free-threaded twin goes with its GIL build");
  }

  @Test
  void explicitSizesOverrideQuick() {
    Plan p = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(7L), List.of(), true), TestCatalogue.standard());
    assertTrue(p.cells().stream().allMatch(c -> c.size() == 7L));
  }

  @Test
  void languagesSelectTheirImplementations() {
    Plan p = Planner.expand(request(List.of("normalize"), List.of(), List.of("rust"), List.of(10L), List.of(), false), TestCatalogue.standard());
    assertEquals(List.of("rust/naive", "rust/optimized"), p.cells().stream().map(c -> c.implementation().id()).toList());
  }

  @Test
  void implementationsAndLanguagesIntersect() {
    Plan p = Planner.expand(request(List.of("dot"), List.of("python/numpy", "rust/optimized"), List.of("rust"), List.of(10L), List.of(), false), TestCatalogue.standard());
    assertEquals(List.of("rust/optimized"), p.cells().stream().map(c -> c.implementation().id()).toList());
    assertThrows(UserError.class,
        () -> Planner.expand(request(List.of("dot"), List.of("python/numpy"), List.of("rust"), List.of(10L), List.of(), false), TestCatalogue.standard()));
  }

  @Test
  void threadsMultiplyTheCellsOfThreadedWorkloads() {
    Plan p = Planner.expand(request(List.of("parallel"), List.of("rust/threads"), List.of(), List.of(10L, 20L), List.of(1, 2), false), TestCatalogue.standard());
    assertEquals(4, p.cells().size());
    assertEquals(List.of(1, 2, 1, 2), p.cells().stream().map(Cell::threads).toList());
  }

  @Test
  void singleThreadedWorkloadsIgnoreTheSweep() {
    Plan p = Planner.expand(request(List.of("dot", "parallel"), List.of("rust/naive", "rust/threads"), List.of(), List.of(10L), List.of(1, 2, 4), false), TestCatalogue.standard());
    assertEquals(
        List.of("dot rust/naive 1", "parallel rust/threads 1", "parallel rust/threads 2", "parallel rust/threads 4"),
        p.cells().stream().map(c -> c.workload().name() + " " + c.implementation().id() + " " + c.threads()).toList());
  }

  @Test
  void defaultSweepIsOnePowersOfTwoAndTheCoreCount() {
    assertEquals(List.of(1), Planner.defaultThreads(1));
    assertEquals(List.of(1, 2), Planner.defaultThreads(2));
    assertEquals(List.of(1, 2, 3), Planner.defaultThreads(3));
    assertEquals(List.of(1, 2, 4), Planner.defaultThreads(4));
    assertEquals(List.of(1, 2, 4, 6), Planner.defaultThreads(6));
    assertEquals(List.of(1, 2, 4, 8, 16), Planner.defaultThreads(16));
    Plan p = Planner.expand(request(List.of("parallel", "dot"), List.of("java/threads", "java/scalar"), List.of(), List.of(10L), List.of(), false), TestCatalogue.standard());
    List<Integer> here = Planner.defaultThreads(Runtime.getRuntime().availableProcessors());
    assertEquals(here, p.cells().stream().filter(c -> c.workload().name().equals("parallel")).map(Cell::threads).toList());
    assertEquals(List.of(1), p.cells().stream().filter(c -> c.workload().name().equals("dot")).map(Cell::threads).toList());
  }

  @Test
  void oversubscriptionIsAllowedAndRepeatsAreDropped() {
    Plan p = Planner.expand(request(List.of("parallel"), List.of("rust/rayon"), List.of(), List.of(10L), List.of(1, 64, 1), false), TestCatalogue.standard());
    assertEquals(List.of(1, 64), p.cells().stream().map(Cell::threads).toList());
    assertThrows(UserError.class,
        () -> Planner.expand(request(List.of("parallel"), List.of(), List.of(), List.of(10L), List.of(0), false), TestCatalogue.standard()));
  }

  @Test
  void parallelRunsItsEightImplementationsAndNeedsLessWarmUpWork() {
    Plan p = Planner.expand(request(List.of("parallel"), List.of(), List.of(), List.of(), List.of(1), false), TestCatalogue.standard());
    Workload parallel = Workloads.find("parallel").orElseThrow();
    assertEquals(parallel.defaultSizes().size() * 8, p.cells().size());
    assertTrue(parallel.threaded());
    Settings s = p.settings();
    assertEquals(10, s.warmupFor(parallel, 100_000L), "1e6 elements of work at 1e5 are 10 calls");
    assertEquals(5, s.warmupFor(parallel, 93_000_000L), "a calibrated size (100 ms calls) gets parallel's own minimum, not 50 calls");
    assertEquals(Settings.MIN_JIT_WARMUP, s.warmupFor(Workloads.find("dot").orElseThrow(), 100_000_000L), "dot keeps the JIT minimum of 50");
    assertEquals(1000, s.warmupFor(Workloads.find("dot").orElseThrow(), 100_000L), "dot keeps the run's 1e8");
  }

  @Test
  void orderIsWorkloadThenSizeThenImplementation() {
    Plan p = Planner.expand(request(List.of("normalize", "dot"), List.of("rust/naive", "java/scalar"), List.of(), List.of(10L, 20L), List.of(), false), TestCatalogue.standard());
    assertEquals(
        List.of("normalize 10 rust/naive", "normalize 10 java/scalar", "normalize 20 rust/naive", "normalize 20 java/scalar",
            "dot 10 rust/naive", "dot 10 java/scalar", "dot 20 rust/naive", "dot 20 java/scalar"),
        p.cells().stream().map(c -> c.workload().name() + " " + c.size() + " " + c.implementation().id()).toList());
  }

  @Test
  void unknownWorkloadIsAUserError() {
    UserError e = assertThrows(UserError.class,
        () -> Planner.expand(request(List.of("fft"), List.of(), List.of(), List.of(), List.of(), false), TestCatalogue.standard()));
    assertTrue(e.getMessage().contains("known workloads are dot, normalize"));
  }

  @Test
  void smallSizesGetEnoughWarmUpWorkForAJit() {
    Settings s = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(10L), List.of(), true), TestCatalogue.standard()).settings();
    assertEquals(Settings.MIN_JIT_WARMUP, s.warmupFor(100_000_000L), "large sizes still get the JIT minimum");
    assertEquals(1000, s.warmupFor(100_000L), "1e8 elements of warm-up work at 1e5");
    assertEquals(Settings.MAX_WARMUP, s.warmupFor(1_000L), "capped");
  }

  @Test
  void optInImplementationsRunOnlyWhenNamed() {
    Plan byDefault = Planner.expand(request(List.of("dot"), List.of(), List.of("python"), List.of(10L), List.of(), false), TestCatalogue.standard());
    assertTrue(byDefault.cells().stream().noneMatch(c -> c.implementation().optIn()));
    Plan named = Planner.expand(request(List.of("dot"), List.of("python/graalpy"), List.of(), List.of(10L), List.of(), false), TestCatalogue.standard());
    assertEquals(List.of("python/graalpy"), named.cells().stream().map(c -> c.implementation().id()).toList());
  }
}
