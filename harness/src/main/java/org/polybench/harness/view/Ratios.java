package org.polybench.harness.view;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polybench.harness.stats.Bootstrap;
import org.polybench.harness.store.CellResult;

/**
 * The ratios the tables, charts and console show (a factor vs the fastest, a speedup vs one
 * thread) with their 95% interval, from {@link Bootstrap#ratioOfMedians}: the hierarchical
 * bootstrap over processes and samples that claims and ./bench compare use. Each pair of cells is
 * resampled once per harness process (the renderers ask for the same factor several times), and
 * the seeded bootstrap gives every renderer the same interval.
 */
public final class Ratios {
  private Ratios() {}

  /** Cells compared by identity: two runs' equal-looking cells are still two cells. */
  private record Key(CellResult numerator, CellResult denominator) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.numerator == numerator && k.denominator == denominator;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(numerator) + System.identityHashCode(denominator);
    }
  }

  private static final Map<Key, Bootstrap.Interval> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Bootstrap.Interval> e) {
      return size() > 20_000;
    }
  });

  /**
   * median(numerator) / median(denominator) with its 95% interval; null when either cell has no
   * samples. The estimate is the ratio of the pooled medians, the cells' own medianNs.
   */
  public static Bootstrap.Interval of(CellResult numerator, CellResult denominator) {
    if (numerator == null || denominator == null || numerator.samplesByInvocation().isEmpty()
        || denominator.samplesByInvocation().isEmpty()) {
      return null;
    }
    return CACHE.computeIfAbsent(new Key(numerator, denominator),
        k -> Bootstrap.ratioOfMedians(numerator.samplesByInvocation(), denominator.samplesByInvocation()));
  }

  /** "146x [139x, 152x]", "1.03x [0.98x, 1.09x]": the estimate and its interval, each as {@link #ratio}. */
  public static String withInterval(Bootstrap.Interval i) {
    return ratio(i.estimate()) + " " + interval(i);
  }

  /** "[139x, 152x]": the interval alone, as {@link #withInterval} shows it. */
  public static String interval(Bootstrap.Interval i) {
    return "[" + ratio(i.low()) + ", " + ratio(i.high()) + "]";
  }

  /**
   * A ratio beside its interval: three significant digits below 100 (an interval near 1 needs
   * them: 0.98x to 1.09x), whole numbers from 100 on.
   */
  public static String ratio(double r) {
    if (Double.isNaN(r) || Double.isInfinite(r)) return "n/a";
    return (r >= 100 ? Long.toString(Math.round(r)) : Numbers.sig3(r)) + "x";
  }
}
