package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.WorkloadTable;

/**
 * binary-trees' per-iteration latency chart marks the collections of the measured calls (issue 11:
 * "latency percentiles with GC pauses marked"): the legend says how many, in how many calls, and
 * the longest (or, where HotSpot keeps only a total, the mean) pause, drawn as a dashed line.
 */
class GcMarksTest {
  private static final LatencyPercentilesChart CHART = new LatencyPercentilesChart(LatencyPercentilesChart.Source.PER_ITERATION);

  private static WorkloadTable table(RunRecord run) {
    return WorkloadTable.of(run, "binary-trees").orElseThrow();
  }

  @Test
  void eachLegendEntrySaysTheCollectionsOfItsCalls() {
    var lines = LatencyPercentilesChart.lines(table(FakeRuns.binaryTrees()), LatencyPercentilesChart.Source.PER_ITERATION);
    Map<String, String> legend = lines.stream().collect(Collectors.toMap(LatencyPercentilesChart.Line::implementation,
        LatencyPercentilesChart.Line::legend));
    assertEquals("rust/box: 0 GCs", legend.get("rust/box"));
    // two processes of 4 collections in 4 of their 500 calls each
    assertEquals("java/objects: 8 GCs in 8 of 1,000 calls", legend.get("java/objects"));
    assertEquals("python/pure: 3 GCs in 3 of 1,000 calls", legend.get("python/pure"));
  }

  @Test
  void theDashedLineIsTheLongestPauseElseTheMeanAndNoneWithoutACollection() {
    var lines = LatencyPercentilesChart.lines(table(FakeRuns.binaryTrees()), LatencyPercentilesChart.Source.PER_ITERATION);
    var byImpl = lines.stream().collect(Collectors.toMap(LatencyPercentilesChart.Line::implementation, l -> l.gc()));
    assertNull(byImpl.get("rust/box").markNs(), "Rust: nothing to mark");
    assertEquals(2_000_000L, byImpl.get("java/objects").markNs(), "two processes of 8 ms in 4 collections: 16 ms / 8");
    assertEquals(false, byImpl.get("java/objects").longest());
    assertEquals(12_000_000L, byImpl.get("python/pure").markNs());
    assertEquals(true, byImpl.get("python/pure").longest());
  }

  @Test
  void theChartIsAtTheDeepestDepthAndKeepsEveryMarkInsideThePlot(@TempDir Path dir) throws Exception {
    RunRecord run = FakeRuns.binaryTrees();
    Chart.Drawing d = CHART.draw(run, table(run));
    CategoryChart c = (CategoryChart) d.chart();
    assertEquals("binary-trees at depth 16: latency per iteration", c.getTitle());
    assertTrue(c.getSeriesMap().containsKey("python/pure: 3 GCs in 3 of 1,000 calls"), c.getSeriesMap().keySet().toString());
    // the y axis is log10(ns): python/pure's p50 (about 165 ms at depth 16) and its 12 ms pause both inside
    assertTrue(c.getStyler().getYAxisMin() <= Math.log10(12_000_000L), "the 12 ms mark is above the axis minimum");
    assertTrue(c.getStyler().getYAxisMax() >= Math.log10(5_000_000L * 64 * 1.2 + 12_000_000L));
    List<Path> files = CHART.render(run, dir);
    assertEquals(List.of("binary-trees-iteration-latency.png", "binary-trees-iteration-latency.svg"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    // the pause lines' own dash (7 on, 5 off): one per marked line (java/objects, python/pure), none without collections
    assertEquals(2, dashes(dir.resolve("binary-trees-iteration-latency.svg")));
    assertEquals(0, dashes(dashless(dir)));
  }

  private static long dashes(Path svg) throws java.io.IOException {
    return java.util.regex.Pattern.compile("stroke-dasharray:7,5").matcher(Files.readString(svg)).results().count();
  }

  /** The same chart for a run with no collections to mark, rendered under dir/none. */
  private static Path dashless(Path dir) throws Exception {
    RunRecord run = DepthAxisTest.run("binary-trees", List.of(10L, 16L));
    CHART.render(run, dir.resolve("none"));
    return dir.resolve("none/binary-trees-iteration-latency.svg");
  }

  @Test
  void aRunnerThatReportsNoCollectionsGetsNoNote() {
    var lines = LatencyPercentilesChart.lines(table(DepthAxisTest.run("binary-trees", List.of(10L))), LatencyPercentilesChart.Source.PER_ITERATION);
    assertEquals("rust/box", lines.get(0).legend(), "no extra.gc: the label alone, not a made-up 0");
  }
}
