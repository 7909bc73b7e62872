package org.polybench.harness.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.CategoryStyler;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.MemoryFigures;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.WorkloadTable;

/**
 * Per workload, {@code <workload>-bytes-per-element.{png,svg}}: at the largest size with usable
 * cells, one bar per implementation of {@code (peak RSS - baseline) / size} (inputs, outputs and
 * what the kernel holds), smallest first, each labelled with its value.
 */
public final class BytesPerElementChart implements Chart {

  @Override
  public String name() {
    return "bytes-per-element";
  }

  record Bar(String label, String implementation, double bytesPerElement) {}

  static List<Bar> bars(WorkloadTable t) {
    if (t.largestUsableSize().isEmpty()) return List.of();
    long size = t.largestUsableSize().getAsLong();
    List<Bar> bars = new ArrayList<>();
    for (WorkloadTable.Row r : t.rows()) {
      MemoryFigures f = MemoryFigures.of(r.usable(size));
      if (f != null && f.bytesPerElement() != null) bars.add(new Bar(r.label(), r.implementation(), f.bytesPerElement()));
    }
    bars.sort(Comparator.comparingDouble(Bar::bytesPerElement));
    return bars;
  }

  @Override
  public Drawing draw(RunRecord run, WorkloadTable t) {
    List<Bar> bars = bars(t);
    if (bars.isEmpty()) return null;
    long size = t.largestUsableSize().getAsLong();
    String element = org.polybench.harness.workload.Workloads.find(t.workload()).map(w -> w.elementName()).orElse("element");
    CategoryChart chart =
        CategoryBars.chart(
            t.workload() + " at " + t.sizePhrase(size) + ": (peak RSS - baseline) / "
                + (element.equals("element") ? "size" : element + "s"),
            "implementation, smallest first",
            "bytes per " + element + " (linear)",
            bars.size());
    CategoryStyler s = chart.getStyler();
    double max = bars.stream().mapToDouble(Bar::bytesPerElement).max().orElse(1);
    double min = bars.stream().mapToDouble(Bar::bytesPerElement).min().orElse(0);
    s.setYAxisMin(Math.min(0, min * 1.15));
    s.setYAxisMax(Math.max(1, max * 1.15));
    // whole bytes with thousands separators, never XChart's 5.5E5
    s.setYAxisDecimalPattern(max >= 10 ? "#,##0" : "#,##0.#");
    CategoryBars.addBars(chart, bars.stream().map(Bar::label).toList(), bars.stream().map(Bar::implementation).toList(),
        bars.stream().map(Bar::bytesPerElement).toList());
    // each bar's value above it, placed with the chart's own data-to-screen transform
    return new Drawing(chart, g -> {
      for (int i = 0; i < bars.size(); i++) {
        double v = bars.get(i).bytesPerElement();
        double x = CategoryBars.x(chart, i);
        double top = chart.getScreenYFromChart(Math.max(v, 0)) - 6;
        g.setColor(ChartStyle.TEXT);
        ChartFiles.drawCentered(g, Numbers.sig3(v) + " B", ChartStyle.LABEL_FONT, x, top);
      }
    });
  }
}
