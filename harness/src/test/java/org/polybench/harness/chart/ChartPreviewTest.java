package org.polybench.harness.chart;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.report.SummaryMarkdown;

/**
 * Renders the realistic fake run for a human to look at:
 * {@code mvn -pl workloads,harness test -Dtest=ChartPreviewTest -Dcharts.preview=/tmp/charts-preview}.
 */
class ChartPreviewTest {
  @Test
  @EnabledIfSystemProperty(named = "charts.preview", matches = ".+")
  void preview() throws Exception {
    Path dir = Path.of(System.getProperty("charts.preview"));
    var files = Charts.renderAll(FakeRuns.realistic(), dir.resolve("charts"));
    SummaryMarkdown.write(FakeRuns.realistic(), dir, files);
    System.out.println(org.polybench.harness.report.ConsoleSummary.render(FakeRuns.realistic()));
  }
}
