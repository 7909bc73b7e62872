package org.polybench.harness.chart;

import java.util.List;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.ThreadScaling;
import org.polybench.harness.view.WorkloadTable;
import org.polybench.harness.store.RunRecord;

/**
 * Per threaded workload with several thread counts, {@code <workload>-time-at-max-threads.{png,svg}}:
 * the absolute median time of every implementation at the largest thread count and the largest
 * size, as bars (log axis, whiskers min..max, factor vs the fastest): a speedup says nothing about
 * which implementation is fast, this chart does. Drawn by {@link BarsAtLargestSizeChart} on the
 * rows of that thread count only.
 */
public final class TimeAtMaxThreadsChart implements Chart {
  @Override
  public String name() {
    return "time-at-max-threads";
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    var scaling = ThreadScaling.of(run, t);
    if (scaling.isEmpty()) return null;
    int maxT = scaling.get().maxThreads();
    long size = scaling.get().size();
    WorkloadTable atMax =
        new WorkloadTable(
            t.workload(), t.description(), t.sizeUnit(), List.of(size),
            t.rows().stream()
                .filter(r -> r.threads() == maxT)
                // the title names the thread count; the bars need only the implementation
                .map(r -> new WorkloadTable.Row(r.implementation(), r.threads(), r.implementation(), r.kind(), r.cells()))
                .toList());
    BarsAtLargestSizeChart.Figure f = BarsAtLargestSizeChart.build(atMax);
    if (f == null) return null;
    f.chart.setTitle(
        t.workload() + " at " + t.sizePhrase(size) + ", " + maxT
            + (maxT == 1 ? " thread" : " threads") + ": median time, whiskers min..max");
    return new Drawing(f.chart, f::overlay);
  }
}
