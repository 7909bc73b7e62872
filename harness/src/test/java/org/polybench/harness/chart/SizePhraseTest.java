package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;

/** Titles say a size as its workload words it: "binary-trees at depth 16", "dot at 100,000 elements". */
class SizePhraseTest {
  private static String title(Chart chart, RunRecord run, String workload) {
    WorkloadTable t = WorkloadTable.of(run, workload).orElseThrow();
    return chart.draw(run, t).chart().getTitle();
  }

  @Test
  void aDepthIsNamedBeforeItsNumber() {
    RunRecord run = DepthAxisTest.run("binary-trees", List.of(10L, 16L));
    assertEquals("binary-trees at depth 16: median time, whiskers min..max", title(new BarsAtLargestSizeChart(), run, "binary-trees"));
    assertEquals("binary-trees at depth 16: latency per iteration",
        title(new LatencyPercentilesChart(LatencyPercentilesChart.Source.PER_ITERATION), run, "binary-trees"));
  }

  @Test
  void aCountComesBeforeItsUnit() {
    RunRecord run = DepthAxisTest.run("dot", List.of(1_000L, 100_000L));
    assertEquals("dot at 100,000 elements: median time, whiskers min..max", title(new BarsAtLargestSizeChart(), run, "dot"));
    assertEquals("100,000 bytes", Numbers.sizePhrase("tokenize", "bytes", 100_000));
    assertEquals("depth 8", Numbers.sizePhrase("binary-trees", "depth", 8));
    assertEquals("1M things", Numbers.sizePhrase("nosuch", "things", "1M"), "an unknown workload: the size, then the unit it was given");
  }
}
