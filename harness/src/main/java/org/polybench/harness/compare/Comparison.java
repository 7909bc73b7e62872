package org.polybench.harness.compare;

import java.util.List;

/**
 * The comparison of two runs: the cells measured and verified in both, with their verdicts; the
 * cells listed but not compared, and why; the cells only one run has; and notes on how the runs
 * differ (settings, toolchains) that a reader should weigh.
 */
public record Comparison(
    Metric metric,
    Side base,
    Side next,
    Options options,
    List<CellChange> changes,
    List<NotCompared> notCompared,
    List<CellKey> onlyInBase,
    List<CellKey> onlyInNew,
    List<String> notes) {

  /** How the verdicts were reached. {@code threshold} is a fraction: 0.05 for 5%. */
  public record Options(double threshold, double alpha, Correction correction, boolean allowDifferentMachines) {
    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final double DEFAULT_ALPHA = 0.05;

    public Options {
      if (!(threshold >= 0 && threshold < 10)) throw new IllegalArgumentException("threshold must be a fraction >= 0: " + threshold);
      if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
    }

    public static Options defaults() {
      return new Options(DEFAULT_THRESHOLD, DEFAULT_ALPHA, Correction.HOLM, false);
    }

    /** A NEW/BASE ratio at or above this is slow enough to count. */
    public double slowerAt() {
      return 1 + threshold;
    }

    /** A ratio at or below this is fast enough to count (symmetric on a log scale, as asv's --factor). */
    public double fasterAt() {
      return 1 / (1 + threshold);
    }
  }

  /** The correction of p-values for the number of cells compared. */
  public enum Correction {
    HOLM,
    BONFERRONI;

    double[] adjust(double[] p) {
      return this == HOLM ? MultipleTesting.holm(p) : MultipleTesting.bonferroni(p);
    }

    public String label() {
      return this == HOLM ? "Holm" : "Bonferroni";
    }
  }

  /** What was compared: the timings, or the instruction counts of ./bench run --instructions. */
  public enum Metric {
    TIME("time_ns", "ns"),
    INSTRUCTIONS("instructions", "instructions");

    private final String json;
    private final String unit;

    Metric(String json, String unit) {
      this.json = json;
      this.unit = unit;
    }

    public String json() {
      return json;
    }

    public String unit() {
      return unit;
    }

    /** "4.56 ms" for a time, "500,578" for a count. */
    public String format(double v) {
      return this == TIME ? org.polybench.harness.view.Durations.format(v) : String.format(java.util.Locale.ROOT, "%,.0f", v);
    }
  }

  /** One run as the reader needs to recognise it. */
  public record Side(String source, String runId, String startedAt, String commit, boolean dirty, String machine) {}

  public List<CellChange> regressions() {
    return changes.stream().filter(c -> c.verdict() == Verdict.SLOWER).toList();
  }

  public List<CellChange> improvements() {
    return changes.stream().filter(c -> c.verdict() == Verdict.FASTER).toList();
  }

  /** The exit code of ./bench compare: 1 when a cell got slower beyond the threshold, else 0. */
  public int exitCode() {
    return regressions().isEmpty() ? 0 : 1;
  }
}
