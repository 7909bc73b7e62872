package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.WorkloadTable;

/** The startup chart: its bars are the programs, and the spawn floor measured in the run is in its data. */
class StartupChartTest {
  /** A verified startup cell whose processes each report the /bin/true spawns measured beside them. */
  static CellResult cell(String impl, List<Long> samples, List<List<Long>> floorPerProcess) {
    CellResult m = FakeRuns.ok("startup", impl, 1, samples);
    Invocation i = m.invocations().get(0);
    List<Invocation> inv = new java.util.ArrayList<>();
    for (int k = 0; k < floorPerProcess.size(); k++) {
      inv.add(Invocation.succeeded(k + 1, i.wallNs(), List.of(), samples, i.peakRssBytes(), i.checksum(), i.checksumKind(),
          Map.of(), Map.of("spawn_floor_samples_ns", floorPerProcess.get(k))));
    }
    return m.withInvocations(inv);
  }

  static RunRecord run(List<CellResult> cells) {
    return new RunRecord(1, "startup", "2025-11-23T20:29:00Z", null, List.of(), Map.of(), FakeRuns.environment(), cells);
  }

  static RunRecord run() {
    return run(List.of(
        cell("python/bare", List.of(15_000_000L, 16_000_000L, 14_000_000L), List.of(List.of(1_000_000L, 1_200_000L), List.of(900_000L))),
        cell("rust/empty", List.of(1_100_000L, 1_000_000L, 1_300_000L), List.of(List.of(2_000_000L, 4_000_000L))),
        FakeRuns.invalid("startup", "java/empty-main", 1, "printed output", List.of(1L, 1L, 1L))));
  }

  @Test
  void theFloorIsTheFirstBarPooledOverEveryUsableCellsSpawns() {
    WorkloadTable t = WorkloadTable.of(run(), "startup").orElseThrow();
    List<StartupChart.Bar> bars = StartupChart.bars(t);
    assertEquals(List.of(StartupChart.FLOOR_LABEL, "rust/empty", "python/bare"), bars.stream().map(StartupChart.Bar::label).toList());
    StartupChart.Bar floor = bars.get(0);
    assertTrue(floor.floor());
    // 0.9, 1.0, 1.2, 2.0, 4.0 ms: median 1.2 ms, min 0.9, max 4.0; the invalid cell's spawns are not in it
    assertEquals(1_200_000, floor.medianNs());
    assertEquals(900_000, floor.minNs());
    assertEquals(4_000_000, floor.maxNs());
    // each program against the floor spawned beside its own runs
    assertEquals(1_000_000, bars.get(2).ownFloorNs());
    assertEquals(3_000_000, bars.get(1).ownFloorNs());
    assertEquals(1_100_000, bars.get(1).medianNs());
    // and the label's ratio to it carries the bootstrap's interval, around the same estimate
    var over = bars.get(1).overFloor();
    assertEquals(1_100_000.0 / 3_000_000, over.estimate(), 1e-12);
    assertTrue(over.low() <= over.estimate() && over.estimate() <= over.high() && over.low() < over.high(), over.toString());
  }

  @Test
  void withoutFloorSamplesThereIsNoFloorBar() {
    RunRecord r = run(List.of(FakeRuns.ok("startup", "rust/empty", 1, List.of(5L, 6L, 7L))));
    List<StartupChart.Bar> bars = StartupChart.bars(WorkloadTable.of(r, "startup").orElseThrow());
    assertEquals(List.of("rust/empty"), bars.stream().map(StartupChart.Bar::label).toList());
    assertTrue(Double.isNaN(bars.get(0).ownFloorNs()));
    assertEquals(null, bars.get(0).overFloor());
  }

  @Test
  void millisecondsWithThreeSignificantDigits() {
    assertEquals("0.652 ms", StartupChart.ms(652_000));
    assertEquals("12.3 ms", StartupChart.ms(12_345_678));
    assertEquals("2,140 ms", StartupChart.ms(2_138_000_000.0));
    assertEquals("1 ms", StartupChart.ms(1_000_000));
  }

  /** The run's charts for startup: this one only (one size is no line; its bars are this chart's). */
  @Test
  @Timeout(60)
  void theStartupSectionDrawsThisChartInsteadOfTheTimesCharts(@TempDir Path dir) throws Exception {
    List<Path> files = Charts.renderAll(run(), dir);
    assertEquals(List.of(dir.resolve("startup-process-time.png"), dir.resolve("startup-process-time.svg")), files);
    assertTrue(Files.size(files.get(0)) > 10_000);
    String svg = Files.readString(files.get(1));
    assertTrue(svg.contains("run startup"), "the footer names the run");
  }
}
