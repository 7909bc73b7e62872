package org.polybench.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.polybench.harness.workload.Workload;
import org.polybench.harness.workload.Workloads;

/** Calibration picks sizes from a fake runner's timings; no real runner, no clock. */
class CalibrationTest {
  static final Workload PARALLEL = Workloads.find("parallel").orElseThrow();
  static final Workload DOT = Workloads.find("dot").orElseThrow();
  static final long TARGET = Duration.ofMillis(100).toNanos();

  /** A runner whose median is {@code nsPerElement * size + fixedNs}: linear, with a fixed cost per call. */
  static Calibration.Timer linear(double nsPerElement, long fixedNs, List<Long> asked) {
    return (w, impl, size) -> {
      asked.add(size);
      return Calibration.Timing.ok(fixedNs + Math.round(nsPerElement * size));
    };
  }

  @Test
  void theChosenSizeMeetsTheTargetForFastAndSlowImplementations() {
    // pure Python (~250 ns/element), Rust (~0.085 ns/element with a 20 us wake-up), and in between
    for (double perElement : new double[] {250, 25, 2.5, 0.085}) {
      List<Long> asked = new ArrayList<>();
      Calibration.Timer t = linear(perElement, 20_000, asked);
      var c = Calibration.choose(PARALLEL, TestCatalogue.find("rust/threads"), 100_000, 100_000, TARGET, t);
      assertTrue(c.ok(), c.toString());
      long time = t.time(PARALLEL, null, c.size()).medianNs();
      assertTrue(time >= TARGET, perElement + " ns/element: n=" + c.size() + " takes " + time + " ns, below the target");
      // and not far beyond it: at most rounding to two digits plus what the fixed cost distorted
      assertTrue(time <= TARGET * 1.3, perElement + " ns/element: n=" + c.size() + " takes " + time + " ns, far above the target");
      assertTrue(asked.size() <= Calibration.MAX_CALLS, "calibration calls: " + asked);
      assertEquals(100_000L, asked.get(0), "the first call is at the known start size");
    }
  }

  @Test
  void aSlowImplementationNeedsOneCallAFastOneGrowsTheSizeBeforeScaling() {
    List<Long> slow = new ArrayList<>();
    Calibration.choose(PARALLEL, TestCatalogue.find("python/threads"), 100_000, 100_000, TARGET, linear(250, 0, slow));
    assertEquals(List.of(100_000L), slow, "25 ms at the start size is enough to scale from");
    List<Long> fast = new ArrayList<>();
    var c = Calibration.choose(PARALLEL, TestCatalogue.find("rust/rayon"), 100_000, 100_000, TARGET, linear(0.085, 0, fast));
    assertTrue(fast.size() >= 2, "8.5 us is too short to scale from: " + fast);
    assertTrue(fast.get(fast.size() - 1) * 0.085 >= Calibration.SIGNAL * TARGET, "the call scaled from lasts at least a tenth of the target");
    assertEquals(fast.get(fast.size() - 1), c.probeSize());
  }

  @Test
  void theCalibratedSizeIsNeverBelowTheLargestCommonSize() {
    var c = Calibration.choose(PARALLEL, TestCatalogue.find("rust/rayon"), 1_000, 5_000_000, TARGET, linear(250, 0, new ArrayList<>()));
    assertTrue(c.size() >= 5_000_000L);
    assertEquals(Calibration.scale(1_000, 1_000 * 250, TARGET), 400_000L);
  }

  @Test
  void aFailedCalibrationCallIsAnErrorNotASize() {
    var c = Calibration.choose(PARALLEL, TestCatalogue.find("python/threads"), 1000, 1000, TARGET,
        (w, i, s) -> Calibration.Timing.failed("unavailable: no NumPy"));
    assertFalse(c.ok());
    assertEquals("unavailable: no NumPy", c.error());
    assertEquals(0, c.size());
  }

  @Test
  void scaleRoundsUpToTwoSignificantDigits() {
    assertEquals(410_000L, Calibration.scale(100_000, 24_500_000, TARGET)); // 408,163 -> 410,000
    assertEquals(1_200_000_000L, Calibration.scale(400_000_000, 34_000_000, TARGET)); // 1.176e9 -> 1.2e9
    assertEquals(100_000L, Calibration.scale(100_000, TARGET, TARGET));
  }

  @Test
  void applyAddsEachImplementationsCalibratedCellsAtEveryThreadCountAndLeavesOtherWorkloads() {
    var py = TestCatalogue.find("python/threads");
    var rs = TestCatalogue.find("rust/rayon");
    var cells = List.of(
        new Cell(DOT, TestCatalogue.find("rust/naive"), 1000, 1),
        new Cell(PARALLEL, py, 100_000, 1), new Cell(PARALLEL, py, 100_000, 2),
        new Cell(PARALLEL, rs, 100_000, 1), new Cell(PARALLEL, rs, 100_000, 2));
    Plan plan = new Plan(cells, new Settings(42, 1, 1, true, Duration.ofSeconds(10), 0));
    assertEquals(List.of(PARALLEL), Calibration.workloads(plan, false));
    assertEquals(List.of(), Calibration.workloads(plan, true), "--sizes turns calibration off");
    Map<String, Long> perElement = Map.of("python/threads", 250L, "rust/rayon", 1L);
    var results = Calibration.calibrate(plan, Calibration.workloads(plan, false), Duration.ofNanos(TARGET),
        (w, i, s) -> Calibration.Timing.ok(perElement.get(i.id()) * s), null);
    Plan out = Calibration.apply(plan, results);
    assertEquals(cells, out.cells().subList(0, 5), "the common cells stay, in order");
    assertEquals(List.of(
        new Cell(PARALLEL, py, 440_000, 1), new Cell(PARALLEL, py, 440_000, 2),
        new Cell(PARALLEL, rs, 110_000_000, 1), new Cell(PARALLEL, rs, 110_000_000, 2)), out.cells().subList(5, 9));
    assertEquals(9, out.cells().size());

    // what results.json keeps is what a resumed run reads back
    var back = Calibration.fromSettings(org.polybench.harness.store.Json.mapper().convertValue(
        Calibration.toSettings(results), Map.class));
    assertEquals(results, back);
    assertEquals(440_000L, Calibration.sizeIn(Map.of("calibration", Calibration.toSettings(results)), "parallel", "python/threads"));
    assertEquals(0L, Calibration.sizeIn(Map.of(), "parallel", "python/threads"));
  }
}
