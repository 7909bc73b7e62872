package org.polybench.harness.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.RunRecord;

/** The registry of charts: one line per chart. */
public final class Charts {
  private static final List<Chart> ALL =
      List.of(
          new TimeVsSizeChart(),
          new BarsAtLargestSizeChart(),
          new SpeedupChart(),
          new TimeAtMaxThreadsChart(),
          new ThroughputChart(),
          new LatencyPercentilesChart(),
          new WarmupChart());

  private Charts() {}

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
