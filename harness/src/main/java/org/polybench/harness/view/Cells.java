package org.polybench.harness.view;

import java.util.OptionalDouble;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Status;

/** The text of one table cell, shared by the Markdown summary and the console table. */
public final class Cells {
  /** Shown where no cell was measured. */
  public static final String MISSING = "–";
  /** Marks a CI that covers less than 95% because the samples were too few. */
  public static final String LOW_CONFIDENCE = "†";
  /** Marks a median to take with care: its processes disagreed, or it was still speeding up. */
  public static final String UNSTEADY = "‡";

  private Cells() {}

  /** "4.56 ms (±1.2%)"; the status word for an unusable cell; {@link #MISSING} when absent. */
  public static String time(CellResult m, boolean parentheses) {
    if (m == null) {
      return MISSING;
    }
    if (!m.usable()) {
      return statusWord(m);
    }
    String median = Durations.format(m.medianNs());
    double half = WorkloadTable.ciHalfWidth(m);
    if (Double.isNaN(half)) {
      return median;
    }
    String spread = spread(m, half);
    String mark = (lowConfidence(m) ? LOW_CONFIDENCE : "") + (m.unsteady() ? UNSTEADY : "");
    return parentheses ? median + " (" + spread + ")" + mark : median + " " + spread + mark;
  }

  /**
   * "37.2x [35.0x, 39.9x]" with the factor's 95% interval ({@link WorkloadTable#factorInterval});
   * "1.0x" for the fastest; the status word for an unusable cell; {@link #MISSING} when absent.
   */
  public static String factor(WorkloadTable t, WorkloadTable.Row row, long size) {
    CellResult m = row.cell(size);
    if (m == null) {
      return MISSING;
    }
    OptionalDouble f = t.factor(row, size);
    if (f.isEmpty()) return statusWord(m);
    var ci = t.factorInterval(row, size);
    return ci == null ? Numbers.factor(f.getAsDouble()) : Ratios.withInterval(ci);
  }

  /**
   * "±1.2%", or "−1.5%/+32%" when the interval is lopsided (a symmetric ± would overstate one
   * side and hide the other).
   */
  private static String spread(CellResult m, double half) {
    if (m.ciLowNs() == null || m.ciHighNs() == null || m.medianNs() == null || m.medianNs() == 0) {
      return "±" + Numbers.percent(half);
    }
    double below = (m.medianNs() - m.ciLowNs()) / (double) m.medianNs();
    double above = (m.ciHighNs() - m.medianNs()) / (double) m.medianNs();
    double small = Math.min(below, above);
    double large = Math.max(below, above);
    if (large > 0.02 && large > 2 * small) {
      return "−" + Numbers.percent(below) + "/+" + Numbers.percent(above);
    }
    return "±" + Numbers.percent(half);
  }

  public static boolean lowConfidence(CellResult m) {
    double level = WorkloadTable.ciLevel(m);
    return !Double.isNaN(level) && level < 0.95 - 1e-9;
  }

  /** failed / invalid / unavailable, or "unverified" for an ok cell whose answer was not checked. */
  public static String statusWord(CellResult m) {
    if (m.status() == Status.OK) {
      return m.verified() ? "no median" : "unverified";
    }
    return m.status() == null ? "unknown" : m.status().json();
  }
}
