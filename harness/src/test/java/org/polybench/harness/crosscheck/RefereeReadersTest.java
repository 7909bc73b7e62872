package org.polybench.harness.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The referee readers against real output of each tool (harness/src/test/resources/golden/referee,
 * made by running JMH 1.37, pyperf 2.10.0 and criterion 0.5.1 once on a 1000-element dot, and
 * hyperfine 1.19.0 once on the startup workload's python/bare: {@code hyperfine -N --warmup 3 --runs 10
 * --command-name python/bare --export-json ... "<venv>/bin/python -c pass"}); the expected figures
 * were read from the files by hand.
 */
class RefereeReadersTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/referee");

  @Test
  void jmhScoreAndRawDataPerForkInNanoseconds() throws IOException {
    RefereeResult r = JmhReader.read(GOLDEN.resolve("jmh-dot-scalar-1000.json"));
    assertEquals("jmh", r.tool());
    // "score" : 1.3755761684923407, "scoreUnit" : "us/op"
    assertEquals(1375.5761684923407, r.figureNs(), 1e-9);
    assertEquals(2, r.groupsNs().size(), "two forks");
    List<Double> fork0 = r.groupsNs().get(0);
    assertEquals(3, fork0.size());
    assertEquals(1457.4050574946575, fork0.get(0), 1e-9);
    assertEquals(1392.7869029157944, fork0.get(1), 1e-9);
    assertEquals(1375.6228999244453, fork0.get(2), 1e-9);
    assertEquals(1274.3172551759177, r.groupsNs().get(1).get(2), 1e-9);
  }

  @Test
  void pyperfValuesPerWorkerWithoutTheCalibrationRun() throws IOException {
    RefereeResult r = PyperfReader.read(GOLDEN.resolve("pyperf-dot-pure-1000.json"));
    assertEquals("pyperf", r.tool());
    // three runs in the file; the first (calibrate_loops: 256) has warm-ups only
    assertEquals(2, r.groupsNs().size());
    assertEquals(77085.95703093124, r.groupsNs().get(0).get(0), 1e-6);
    assertEquals(69536.00000159099, r.groupsNs().get(1).get(2), 1e-6);
    double mean = (77.08595703093124 + 75.71616406210069 + 75.81682422141967 + 75.02472656284453 + 70.59528906339096
        + 69.53600000159099) / 6 * 1000;
    assertEquals(mean, r.figureNs(), 1e-6);
    // pyperf itself printed "Mean +- std dev: 74.0 us +- 3.1 us" for this file
    assertEquals(74.0, Math.round(r.figureNs() / 100) / 10.0);
  }

  @Test
  void criterionSlopeAndPerCallSamples() throws IOException {
    RefereeResult r = CriterionReader.read(GOLDEN.resolve("criterion-dot-optimized-1000"));
    assertEquals("criterion", r.tool());
    // "slope":{"point_estimate":101.98676157606909}: criterion printed time: [100.42 ns 101.99 ns 104.02 ns]
    assertEquals(101.98676157606909, r.figureNs(), 1e-9);
    assertEquals("slope", r.figureKind());
    assertEquals(1, r.groupsNs().size());
    assertEquals(10, r.groupsNs().get(0).size());
    // iters[0] = 166210, times[0] = 17988872 ns
    assertEquals(17988872.0 / 166210.0, r.groupsNs().get(0).get(0), 1e-9);
    assertEquals(164886024.0 / 1662100.0, r.groupsNs().get(0).get(9), 1e-9);
  }

  @Test
  void hyperfineMeanAndEveryTimedRunInNanoseconds() throws IOException {
    RefereeResult r = HyperfineReader.read(GOLDEN.resolve("hyperfine-startup-python-bare.json"));
    assertEquals("hyperfine", r.tool());
    // "mean": 0.07794046850000001 s; hyperfine printed "Time (mean ± σ): 77.9 ms ± 17.4 ms"
    assertEquals(77_940_468.5, r.figureNs(), 1e-3);
    assertEquals("mean", r.figureKind());
    assertEquals(1, r.groupsNs().size(), "one hyperfine process");
    List<Double> times = r.groupsNs().get(0);
    assertEquals(10, times.size(), "the 10 timed runs; the 3 warm-up runs are not in the file");
    assertEquals(114_134_262.0, times.get(0), 1e-3);
    assertEquals(55_857_400.0, times.get(7), 1e-3); // "min": 0.0558574
    assertEquals(71_502_239.0, times.get(9), 1e-3);
  }

  @Test
  void aHyperfineRunThatFailedIsRefusedNotAveraged(@TempDir Path dir) throws IOException {
    String text = Files.readString(GOLDEN.resolve("hyperfine-startup-python-bare.json")).replaceFirst("\\[\\s*0,", "[ 1,");
    Path f = dir.resolve("hyperfine.json");
    Files.writeString(f, text);
    IOException e = assertThrows(IOException.class, () -> HyperfineReader.read(f));
    assertTrue(e.getMessage().contains("exited 1"), e.getMessage());
  }

  @Test
  void aJmhFileInThroughputModeIsRefusedNotMisread(@TempDir Path dir) throws IOException {
    String text = Files.readString(GOLDEN.resolve("jmh-dot-scalar-1000.json")).replace("\"avgt\"", "\"thrpt\"");
    Path f = dir.resolve("jmh.json");
    Files.writeString(f, text);
    IOException e = assertThrows(IOException.class, () -> JmhReader.read(f));
    assertTrue(e.getMessage().contains("thrpt"), e.getMessage());
  }

  @Test
  void aMissingCriterionOutputNamesTheFile(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class, () -> CriterionReader.read(dir.resolve("dot-naive-1000")));
    assertTrue(e.getMessage().contains("estimates.json"), e.getMessage());
  }
}
