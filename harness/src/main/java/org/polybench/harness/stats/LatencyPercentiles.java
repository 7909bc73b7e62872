package org.polybench.harness.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Per-iteration latency percentiles of one cell: p50, p99, p99.9 and max of its measured samples
 * (every invocation's, pooled; warm-up left out), by the nearest-rank definition: the q-th
 * percentile of n sorted values is the value of 1-based rank ceil(q n).
 *
 * <p>The sample-count rule: a percentile q is reported only when n >= 1 / (1 - q) (p50: 2, p99:
 * 100, p99.9: 1000 samples), and is null otherwise. Below that count ceil(q n) = n, so the
 * "percentile" is the maximum by construction and says nothing about a tail the samples cannot
 * reach. {@code n} says how many samples every figure rests on.
 *
 * @param n the measured samples the figures rest on
 * @param p50Ns null when n < 2
 * @param p99Ns null when n < 100
 * @param p999Ns null when n < 1000
 * @param maxNs the largest sample
 */
public record LatencyPercentiles(
    int n,
    @JsonProperty("p50_ns") Long p50Ns,
    @JsonProperty("p99_ns") Long p99Ns,
    @JsonProperty("p99_9_ns") Long p999Ns,
    @JsonProperty("max_ns") long maxNs) {

  /** The percentiles reported, in per-mille, in the order of {@link #LABELS}. */
  public static final List<Integer> PER_MILLE = List.of(500, 990, 999);

  /** The labels of p50, p99, p99.9 and max, as the tables and charts show them. */
  public static final List<String> LABELS = List.of("p50", "p99", "p99.9", "max");

  /** The pooled samples' percentiles; null when there is no sample. */
  public static LatencyPercentiles of(List<Long> samples) {
    if (samples == null || samples.isEmpty()) return null;
    long[] s = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    return new LatencyPercentiles(
        s.length, reported(s, 500), reported(s, 990), reported(s, 999), s[s.length - 1]);
  }

  /**
   * The fewest samples for which the nearest-rank percentile {@code perMille}/1000 is not the
   * maximum by construction: ceil(1000 / (1000 - perMille)).
   */
  public static int minSamples(int perMille) {
    if (perMille < 0 || perMille >= 1000) throw new IllegalArgumentException("percentile out of [0, 1000) per mille: " + perMille);
    int tail = 1000 - perMille;
    return (1000 + tail - 1) / tail;
  }

  /** The nearest-rank percentile of sorted values: the value of 1-based rank ceil(perMille n / 1000). */
  public static long nearestRank(long[] sorted, int perMille) {
    if (sorted.length == 0) throw new IllegalArgumentException("no samples");
    long rank = Math.max(1, ((long) perMille * sorted.length + 999) / 1000);
    return sorted[(int) rank - 1];
  }

  private static Long reported(long[] sorted, int perMille) {
    return sorted.length >= minSamples(perMille) ? nearestRank(sorted, perMille) : null;
  }

  /** The figures in {@link #LABELS} order (null where too few samples). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<Long> values() {
    return java.util.Arrays.asList(p50Ns, p99Ns, p999Ns, maxNs);
  }
}
