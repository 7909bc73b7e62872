package org.polybench.harness.export;

import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * results.csv: one row per cell, every cell (failed, invalid and unavailable ones too, with
 * their status and error and no numbers), RFC 4180 quoting, times in nanoseconds.
 */
public final class CsvExport extends FileExport {
  static final List<String> HEADER = List.of(
      "workload", "implementation", "size", "threads", "status", "verified", "median_ns", "ci_low_ns", "ci_high_ns",
      "samples", "invocations", "peak_rss_bytes", "unsteady", "checksum", "reference_checksum", "error");

  public CsvExport() {
    super("csv", "results.csv");
  }

  @Override
  public String render(RunRecord run) {
    StringBuilder sb = new StringBuilder();
    line(sb, HEADER);
    for (CellResult m : run.measurements()) {
      boolean usable = m.usable();
      List<String> row = new ArrayList<>();
      row.add(m.workload());
      row.add(m.implementation());
      row.add(Long.toString(m.size()));
      row.add(Integer.toString(m.threads()));
      row.add(m.status() == null ? "" : m.status().json());
      row.add(Boolean.toString(m.verified()));
      // an unusable cell's numbers are not results: leave them out rather than invite their use
      row.add(usable ? str(m.medianNs()) : "");
      row.add(usable ? str(m.ciLowNs()) : "");
      row.add(usable ? str(m.ciHighNs()) : "");
      row.add(Integer.toString(m.samplesNs() == null ? 0 : m.samplesNs().size()));
      row.add(Integer.toString(m.samplesByInvocation().size()));
      row.add(str(m.peakRssBytes()));
      row.add(usable ? Boolean.toString(m.unsteady()) : "");
      row.add(str(m.checksum()));
      row.add(str(m.referenceChecksum()));
      row.add(str(m.error()));
      line(sb, row);
    }
    return sb.toString();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(quote(fields.get(i)));
    }
    sb.append("\r\n");
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String f) {
    if (f.indexOf(',') < 0 && f.indexOf('"') < 0 && f.indexOf('\n') < 0 && f.indexOf('\r') < 0) return f;
    return '"' + f.replace("\"", "\"\"") + '"';
  }
}
