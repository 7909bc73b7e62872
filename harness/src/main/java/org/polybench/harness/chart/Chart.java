package org.polybench.harness.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.store.RunRecord;

/**
 * One kind of chart drawn from a run. Implementations draw only {@code Measurement.usable()}
 * cells, write each figure as PNG and SVG with the same base name, and write nothing at all when
 * the run has no usable data for them. Adding a chart is one file plus one line in {@link Charts}.
 */
public interface Chart {
  /** A short id for logs and tests, e.g. "time-vs-size". */
  String name();

  /**
   * Draws this chart for every workload of the run that has usable cells.
   *
   * @param chartsDir created if needed
   * @return the files written, PNG before SVG, in workload order; empty when nothing was drawn
   */
  List<Path> render(RunRecord run, Path chartsDir) throws IOException;
}
