package org.polybench.harness.compare;

import java.util.Comparator;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.view.Numbers;

/** What makes two measurements the same cell in two runs: workload x implementation x size x threads. */
public record CellKey(String workload, String implementation, long size, int threads) implements Comparable<CellKey> {
  private static final Comparator<CellKey> ORDER =
      Comparator.comparing(CellKey::workload)
          .thenComparing(CellKey::implementation)
          .thenComparingLong(CellKey::size)
          .thenComparingInt(CellKey::threads);

  public static CellKey of(CellResult m) {
    return new CellKey(m.workload(), m.implementation(), m.size(), m.threads());
  }

  /** "dot python/pure 1,000,000", with " 4 threads" when more than one. */
  public String label() {
    return workload + " " + implementation + " " + Numbers.size(size) + (threads > 1 ? " " + threads + " threads" : "");
  }

  @Override
  public int compareTo(CellKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return label();
  }
}
