package org.polybench.harness.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * bencher.json in the Bencher Metric Format: {benchmark: {latency: {value, lower_value,
 * upper_value}}}, the median and its 95% CI in ns (Bencher's built-in latency measure is in
 * ns), one benchmark per verified cell.
 */
public final class BencherExport extends FileExport {
  /** The slug of Bencher's built-in latency measure. */
  static final String MEASURE = "latency";

  public BencherExport() {
    super("bencher", "bencher.json");
  }

  @Override
  public String render(RunRecord run) {
    ObjectNode out = JsonFiles.MAPPER.createObjectNode();
    for (CellResult m : run.usable()) {
      ObjectNode metric = out.putObject(benchmarkName(m)).putObject(MEASURE);
      metric.put("value", m.medianNs());
      if (m.ciLowNs() != null) metric.put("lower_value", m.ciLowNs());
      if (m.ciHighNs() != null) metric.put("upper_value", m.ciHighNs());
    }
    return JsonFiles.write(out);
  }
}
