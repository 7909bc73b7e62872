package org.polybench.harness.claims;

import org.polybench.harness.store.CellResult;

/** The stable anchors of report.html, so a writer can link a claim, a chart or a cell. */
public final class Anchors {
  private Anchors() {}

  /** {@code cell-dot-python-rust-ext-t1}: the table row of one implementation at one thread count. */
  public static String cell(CellResult m) {
    return cell(m.workload(), m.implementation(), m.threads());
  }

  /** The anchor of a table row: one implementation at one thread count of a workload. */
  public static String cell(String workload, String implementation, int threads) {
    return "cell-" + slug(workload) + "-" + slug(implementation) + "-t" + threads;
  }

  public static String workload(String workload) {
    return "workload-" + slug(workload);
  }

  public static String chart(String fileBase) {
    return "chart-" + slug(fileBase);
  }

  /** Lower-case letters, digits and single dashes. */
  public static String slug(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
