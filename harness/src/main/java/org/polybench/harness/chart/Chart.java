package org.polybench.harness.chart;

import org.polybench.harness.view.RunInfo;
import org.polybench.harness.view.WorkloadTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.store.RunRecord;

/**
 * One kind of chart drawn from a run. Implementations draw only {@code CellResult.usable()}
 * cells, write each figure as PNG and SVG with the same base name, and write nothing at all when
 * the run has no usable data for them. Adding a chart is one file plus one line in {@link Charts}.
 */
public interface Chart {
  /** A short id for logs and tests, and the file suffix: {@code <workload>-<name>.png}. */
  String name();

  /** What one chart file shows: the XChart chart and what is painted over it (may be null). */
  record Drawing(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, ChartFiles.Overlay overlay) {}

  /** This chart for one workload of the run, or null when it has nothing (usable) to show. */
  Drawing draw(RunRecord run, WorkloadTable table);

  /**
   * Draws this chart for every workload of the run that has something to show.
   *
   * @param chartsDir created if needed
   * @return the files written, PNG before SVG, in workload order; empty when nothing was drawn
   */
  default List<Path> render(RunRecord run, Path chartsDir) throws IOException {
    return render(run, chartsDir, t -> true);
  }

  /** As {@link #render(RunRecord, Path)}, for the workloads {@code which} accepts. */
  default List<Path> render(RunRecord run, Path chartsDir, java.util.function.Predicate<WorkloadTable> which) throws IOException {
    try {
      return ChartStyle.withLooksOf(run, () -> {
        List<Path> written = new java.util.ArrayList<>();
        for (WorkloadTable t : WorkloadTable.of(run)) {
          if (!which.test(t)) continue;
          Drawing d = draw(run, t);
          if (d != null) {
            written.addAll(ChartFiles.write(d.chart(), d.overlay(), RunInfo.footer(run), chartsDir, t.workload() + "-" + name()));
          }
        }
        return written;
      });
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
