package org.polybench.harness.history;

import java.util.Arrays;
import java.util.List;
import org.polybench.harness.compare.CellKey;

/**
 * The runs of one cell on one machine, oldest first, with the change points found in their
 * medians. A change's size is the median of the level after it over the median of the level before.
 */
public record Trend(CellKey cell, String metric, String machine, List<HistoryStore.Point> points, List<Change> changes) {

  /** A change in the level of a trend: from run {@code at} on. */
  public record Change(int at, HistoryStore.Point run, double ratio, double confidence, double pValue) {}

  public static Trend of(List<HistoryStore.Point> points, EDivisive detector) {
    HistoryStore.Point first = points.get(0);
    double[] medians = points.stream().mapToDouble(HistoryStore.Point::median).toArray();
    List<EDivisive.ChangePoint> cps = detector.detect(medians);
    List<Change> changes = new java.util.ArrayList<>();
    for (int i = 0; i < cps.size(); i++) {
      int from = i == 0 ? 0 : cps.get(i - 1).index();
      int at = cps.get(i).index();
      int to = i + 1 < cps.size() ? cps.get(i + 1).index() : medians.length;
      double ratio = median(Arrays.copyOfRange(medians, at, to)) / median(Arrays.copyOfRange(medians, from, at));
      changes.add(new Change(at, points.get(at), ratio, cps.get(i).confidence(), cps.get(i).pValue()));
    }
    return new Trend(first.cell(), first.metric(), first.machine(), points, changes);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
