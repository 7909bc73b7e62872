package org.polybench.harness.claims;

import java.util.List;
import java.util.Map;

/**
 * One entry of the claims registry (claims.json): a claim of an article, or a finding beyond
 * them, with the metric computed from the run's cells and the range the article's words imply.
 *
 * @param type {@code claim} (gets a verdict) or {@code finding} (estimates only)
 * @param articles the article letters of {@link Registry#articles()}; empty for our own findings
 * @param quote the article's words, verbatim; "" for a finding
 * @param range the implied range; null for a finding
 * @param mapping how the words become numbers, in words, shown beside the verdict
 * @param also further conditions that must hold too (e.g. startup: "and Rust at most 10 ms")
 * @param combine {@code every}: supported when every estimate's CI lies inside the range,
 *     refuted when every one lies outside; {@code each}: every estimate listed on its own (findings)
 */
public record ClaimSpec(
    String id,
    String type,
    List<String> articles,
    String quote,
    String statement,
    MetricSpec metric,
    RangeSpec range,
    String mapping,
    List<Condition> also,
    String combine) {

  public boolean isFinding() {
    return "finding".equals(type);
  }

  /** An extra condition of a claim: its own metric and range. */
  public record Condition(MetricSpec metric, RangeSpec range, String mapping) {}

  /**
   * What is computed from which cells.
   *
   * @param kind time-ratio, speedup, bytes-per-element-ratio, tail-spread-ratio, median-time or
   *     crossover
   * @param sizes which sizes count: {@code largest} (the largest with both sides usable),
   *     {@code min:N} (every size of at least N), {@code exact:N}, or {@code all} (crossover)
   * @param numerators implementation patterns, one estimate each; {@code rust/*} is the fastest
   *     usable rust variant of the cell
   * @param optional numerators whose absence is noted but does not block a verdict
   * @param denominator one implementation pattern; null for speedup and median-time
   * @param threads {@code cores} for speedup: T = the logical core count against T = 1
   * @param gil {@code on}, {@code off} or null: which interpreters a speedup's cells may come from
   * @param thresholds the ratios whose crossing sizes a crossover reports
   * @param extra other keys of the entry, e.g. {@code baseline_field}
   */
  public record MetricSpec(
      String kind,
      List<String> workloads,
      String sizes,
      List<String> numerators,
      List<String> optional,
      String denominator,
      String threads,
      String gil,
      List<Double> thresholds,
      Map<String, String> extra) {

    public long sizeBound() {
      return Long.parseLong(sizes.substring(sizes.indexOf(':') + 1));
    }
  }

  /**
   * The range an article's words imply: low inclusive, high exclusive, either may be open.
   *
   * @param perCore the bounds are multiples of the machine's logical core count
   */
  public record RangeSpec(Double low, Double high, boolean perCore) {
    /** The bounds on a machine with {@code cores} logical cores. */
    public Range on(int cores) {
      double k = perCore ? cores : 1;
      return new Range(low == null ? null : low * k, high == null ? null : high * k);
    }
  }

  /** A range with its bounds resolved to numbers. */
  public record Range(Double low, Double high) {
    public boolean inside(double x) {
      return (low == null || x >= low) && (high == null || x < high);
    }
  }
}
