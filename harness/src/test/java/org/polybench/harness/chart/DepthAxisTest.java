package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.WorkloadTable;

/** binary-trees' size is a depth (an exponent): its charts put it on a linear axis, other workloads' sizes stay log. */
class DepthAxisTest {
  static RunRecord run(String workload, List<Long> sizes) {
    List<org.polybench.harness.store.CellResult> cells = sizes.stream()
        .map(d -> FakeRuns.ok(workload, "rust/box", d, List.of(1000L << d, 1010L << d))).toList();
    return new RunRecord(1, "depth", "2025-11-23T20:29:00Z", null, List.of(), Map.of(), FakeRuns.environment(), cells);
  }

  static List<Double> xs(XYChart chart, String series) {
    double[] x = chart.getSeriesMap().get(series).getXData();
    return java.util.Arrays.stream(x).boxed().toList();
  }

  @Test
  void binaryTreesDepthsArePlottedAsTheyAre() {
    WorkloadTable t = WorkloadTable.of(run("binary-trees", List.of(10L, 13L, 16L)), "binary-trees").orElseThrow();
    XYChart chart = TimeVsSizeChart.build(t);
    assertEquals(List.of(10.0, 13.0, 16.0), xs(chart, "rust/box"));
    assertEquals("size (depth)", chart.getXAxisTitle());
    assertEquals(9.5, chart.getStyler().getXAxisMin());
    assertEquals(16.5, chart.getStyler().getXAxisMax());
  }

  @Test
  void elementSizesStayOnALogAxis() {
    WorkloadTable t = WorkloadTable.of(run("dot", List.of(1_000L, 100_000L)), "dot").orElseThrow();
    XYChart chart = TimeVsSizeChart.build(t);
    assertEquals(List.of(3.0, 5.0), xs(chart, "rust/box"));
    assertEquals("size (elements, log scale)", chart.getXAxisTitle());
  }
}
