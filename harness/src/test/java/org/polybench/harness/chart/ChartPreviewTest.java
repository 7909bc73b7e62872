package org.polybench.harness.chart;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.polybench.harness.report.ConsoleSummary;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.store.RunRecord;

/**
 * Renders fake runs for a human to look at (off unless asked):
 * {@code mvn -pl workloads,harness test -Dtest=ChartPreviewTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcharts.preview=/tmp/charts-preview}. Writes realistic/ (8 implementations, 1e3..1e7),
 * quick/ (3 sizes, a subset), small/ (the golden-file run) and binary-trees/ (GC pauses marked).
 */
class ChartPreviewTest {
  @Test
  @EnabledIfSystemProperty(named = "charts.preview", matches = ".+")
  void preview() throws Exception {
    Path dir = Path.of(System.getProperty("charts.preview"));
    RunRecord realistic = FakeRuns.realistic();
    RunRecord quick =
        new RunRecord(
            realistic.schemaVersion(), "quick-preview", realistic.startedAt(), realistic.finishedAt(),
            realistic.commandLine(), realistic.settings(), realistic.environment(),
            realistic.measurements().stream()
                .filter(m -> List.of(1_000L, 100_000L, 1_000_000L).contains(m.size()))
                .filter(m -> m.language().equals("python") || m.variant().equals("optimized"))
                .toList());
    for (var e : java.util.Map.of("realistic", realistic, "quick", quick, "small", FakeRuns.small(), "binary-trees", FakeRuns.binaryTrees()).entrySet()) {
      Path out = dir.resolve(e.getKey());
      var files = Charts.renderAll(e.getValue(), out.resolve("charts"));
      SummaryMarkdown.write(e.getValue(), out, files);
      System.out.println(ConsoleSummary.render(e.getValue()));
    }
  }
}
