package org.polybench.harness.plan;

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
    Plan p = Planner.expand(request(List.of(), List.of(), List.of(), List.of(), List.of(), false));
    assertEquals(2 * 5 * 8, p.cells().size());
    assertEquals(List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L),
        p.cells().stream().map(Cell::size).distinct().toList());
    assertEquals(Settings.DEFAULT_WARMUP, p.settings().warmup());
    assertEquals(Settings.DEFAULT_ITERATIONS, p.settings().iterations());
  }

  @Test
  void quickUsesThreeSizesAndFewerIterations() {
    Plan p = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(), List.of(), true));
    assertEquals(List.of(1_000L, 100_000L, 1_000_000L), p.cells().stream().map(Cell::size).distinct().toList());
    assertEquals(3 * 8, p.cells().size());
    assertEquals(Settings.QUICK_ITERATIONS, p.settings().iterations());
  }

  @Test
  void explicitSizesOverrideQuick() {
    Plan p = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(7L), List.of(), true));
    assertTrue(p.cells().stream().allMatch(c -> c.size() == 7L));
  }

  @Test
  void languagesSelectTheirImplementations() {
    Plan p = Planner.expand(request(List.of("normalize"), List.of(), List.of("rust"), List.of(10L), List.of(), false));
    assertEquals(List.of("rust/naive", "rust/optimized"), p.cells().stream().map(c -> c.implementation().id()).toList());
  }

  @Test
  void implementationsAndLanguagesIntersect() {
    Plan p = Planner.expand(request(List.of("dot"), List.of("python/numpy", "rust/optimized"), List.of("rust"), List.of(10L), List.of(), false));
    assertEquals(List.of("rust/optimized"), p.cells().stream().map(c -> c.implementation().id()).toList());
    assertThrows(UserError.class,
        () -> Planner.expand(request(List.of("dot"), List.of("python/numpy"), List.of("rust"), List.of(10L), List.of(), false)));
  }

  @Test
  void threadsMultiplyTheCells() {
    Plan p = Planner.expand(request(List.of("dot"), List.of("rust/naive"), List.of(), List.of(10L, 20L), List.of(1, 2), false));
    assertEquals(4, p.cells().size());
    assertEquals(List.of(1, 2, 1, 2), p.cells().stream().map(Cell::threads).toList());
  }

  @Test
  void orderIsWorkloadThenSizeThenImplementation() {
    Plan p = Planner.expand(request(List.of("normalize", "dot"), List.of("rust/naive", "java/scalar"), List.of(), List.of(10L, 20L), List.of(), false));
    assertEquals(
        List.of("normalize 10 rust/naive", "normalize 10 java/scalar", "normalize 20 rust/naive", "normalize 20 java/scalar",
            "dot 10 rust/naive", "dot 10 java/scalar", "dot 20 rust/naive", "dot 20 java/scalar"),
        p.cells().stream().map(c -> c.workload().name() + " " + c.size() + " " + c.implementation().id()).toList());
  }

  @Test
  void unknownWorkloadIsAUserError() {
    UserError e = assertThrows(UserError.class,
        () -> Planner.expand(request(List.of("fft"), List.of(), List.of(), List.of(), List.of(), false)));
    assertTrue(e.getMessage().contains("known workloads are dot, normalize"));
  }

  @Test
  void smallSizesGetEnoughWarmUpWorkForAJit() {
    Settings s = Planner.expand(request(List.of("dot"), List.of(), List.of(), List.of(10L), List.of(), true)).settings();
    assertEquals(Settings.QUICK_WARMUP, s.warmupFor(100_000_000L), "large sizes keep the requested count");
    assertEquals(200, s.warmupFor(100_000L), "2e7 elements of warm-up work at 1e5");
    assertEquals(Settings.MAX_WARMUP, s.warmupFor(1_000L), "capped");
  }
}
