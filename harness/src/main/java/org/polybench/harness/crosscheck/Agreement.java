package org.polybench.harness.crosscheck;

import java.util.List;
import org.polybench.harness.stats.Bootstrap;

/**
 * Whether the harness and a referee measured the same time: the ratio harness median / referee
 * median with its 95% interval from the harness's paired hierarchical bootstrap
 * ({@link Bootstrap#pairedRatioOfMedians}). The blocks are crosscheck's rounds, each one harness
 * process and one referee run back to back; inside a round the groups are the harness's one
 * invocation on one side and the referee's processes (JMH forks, pyperf workers, a criterion run)
 * on the other. Resampling whole rounds lets a slow period of the machine, which both sides of a
 * round share, cancel in the ratio, while a process that settled slower on one side alone still
 * widens the interval. They agree when the whole interval lies within [{@value #LOW}, {@value
 * #HIGH}]: a 5% band, and an interval too wide to fit in it is "no" too (too noisy to tell is not
 * agreement).
 */
public record Agreement(double harnessMedianNs, double refereeMedianNs, Bootstrap.Interval ratio, boolean agrees) {
  public static final double LOW = 0.95;
  public static final double HIGH = 1.05;

  /**
   * Per round: the harness's samples (one process) and the referee's groups. Values are per call in
   * ns; the referee's are fractional, so both sides are resampled in picoseconds.
   */
  public static Agreement of(List<List<Long>> harnessRoundsNs, List<List<List<Double>>> refereeRoundsNs) {
    List<List<List<Long>>> h = harnessRoundsNs.stream().map(g -> List.of(g.stream().map(v -> v * 1000).toList())).toList();
    List<List<List<Long>>> r = refereeRoundsNs.stream()
        .map(round -> round.stream().map(g -> g.stream().map(v -> Math.round(v * 1000)).toList()).toList()).toList();
    Bootstrap.Interval ratio = Bootstrap.pairedRatioOfMedians(h, r);
    return new Agreement(median(h) / 1000, median(r) / 1000, ratio, within(ratio));
  }

  /** The agreement rule on an interval. */
  public static boolean within(Bootstrap.Interval ratio) {
    return ratio.low() >= LOW && ratio.high() <= HIGH;
  }

  private static double median(List<List<List<Long>>> rounds) {
    long[] all = rounds.stream().flatMap(List::stream).flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    int n = all.length;
    return n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + (double) all[n / 2]) / 2;
  }
}
