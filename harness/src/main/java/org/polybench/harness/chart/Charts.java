package org.polybench.harness.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.ReportFormat;

/** The registry of charts, one line per chart; as an output format, it draws them all. */
public final class Charts implements ReportFormat {
  private static final List<Chart> ALL =
      List.of(
          new TimeVsSizeChart(),
          new BarsAtLargestSizeChart(),
          new SpeedupChart(),
          new TimeAtMaxThreadsChart(),
          new ThroughputChart(),
          new LatencyPercentilesChart(),
          new WarmupChart());

  @Override
  public String name() {
    return "charts";
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, java.io.PrintStream console) throws IOException {
    return renderAll(run, runDir.resolve(org.polybench.harness.store.ResultsStore.CHARTS_DIR));
  }

  /** XChart on a large run takes seconds; minutes mean a bug, not a big run. */
  @Override
  public java.time.Duration timeout() {
    return java.time.Duration.ofSeconds(180);
  }

  public static List<Chart> all() {
    return ALL;
  }

  /**
   * Draws every chart of the run into chartsDir (created if needed).
   *
   * @return every file written (PNG and SVG), in registry then workload order
   */
  public static List<Path> renderAll(RunRecord run, Path chartsDir) throws IOException {
    ChartFiles.ensureHeadless();
    List<Path> written = new ArrayList<>();
    for (Chart c : ALL) {
      written.addAll(c.render(run, chartsDir));
    }
    return written;
  }
}
