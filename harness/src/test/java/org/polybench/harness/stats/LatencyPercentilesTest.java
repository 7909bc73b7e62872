package org.polybench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The nearest-rank percentile, from its definition: the smallest sample value x such that at
 * least a fraction q of the samples are <= x. The reference below counts, it does not rank.
 */
class LatencyPercentilesTest {
  /** The smallest sample x with count(samples <= x) >= q n, q = perMille / 1000 (exact in integers). */
  private static long byDefinition(List<Long> samples, int perMille) {
    long best = Long.MAX_VALUE;
    for (long x : samples) {
      long atMost = samples.stream().filter(v -> v <= x).count();
      if (atMost * 1000 >= (long) perMille * samples.size()) best = Math.min(best, x);
    }
    return best;
  }

  private static List<Long> shuffled(LongStream values, long seed) {
    List<Long> s = new ArrayList<>(values.boxed().toList());
    Collections.shuffle(s, new Random(seed));
    return s;
  }

  @Test
  void uniformOneToAThousandGivesTheRanksThemselves() {
    LatencyPercentiles p = LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 1000), 1));
    assertEquals(1000, p.n());
    assertEquals(500L, p.p50Ns());
    assertEquals(990L, p.p99Ns());
    assertEquals(999L, p.p999Ns());
    assertEquals(1000L, p.maxNs());
  }

  @Test
  void aTailOfElevenSpikesInAThousandReachesP99AndOneOfTenOnlyP999() {
    List<Long> ten = new ArrayList<>(Collections.nCopies(990, 10L));
    ten.addAll(Collections.nCopies(10, 1000L));
    LatencyPercentiles p = LatencyPercentiles.of(shuffled(ten.stream().mapToLong(Long::longValue), 2));
    assertEquals(10L, p.p50Ns());
    assertEquals(10L, p.p99Ns(), "990 of 1000 samples are 10: the 99th percentile is 10");
    assertEquals(1000L, p.p999Ns());

    List<Long> eleven = new ArrayList<>(Collections.nCopies(989, 10L));
    eleven.addAll(Collections.nCopies(11, 1000L));
    assertEquals(1000L, LatencyPercentiles.of(eleven).p99Ns(), "only 989 of 1000 are 10: below 99%");
  }

  @Test
  void agreesWithTheDefinitionOnSkewedRandomSamples() {
    Random r = new Random(42);
    for (int n : new int[] {100, 137, 1000, 2503}) {
      List<Long> s = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // log-normal-ish times with repeats, as timings have
        s.add(1000 + (long) Math.exp(r.nextGaussian() * 1.5 + 5) / 10 * 10);
      }
      LatencyPercentiles p = LatencyPercentiles.of(s);
      assertEquals(byDefinition(s, 500), p.p50Ns(), "p50 at n=" + n);
      assertEquals(byDefinition(s, 990), p.p99Ns(), "p99 at n=" + n);
      if (n >= 1000) assertEquals(byDefinition(s, 999), p.p999Ns(), "p99.9 at n=" + n);
      assertEquals(Collections.max(s), p.maxNs());
    }
  }

  @Test
  void aPercentileIsReportedOnlyWhenSamplesReachBeyondIt() {
    assertEquals(2, LatencyPercentiles.minSamples(500));
    assertEquals(100, LatencyPercentiles.minSamples(990));
    assertEquals(1000, LatencyPercentiles.minSamples(999));

    LatencyPercentiles ten = LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 10), 3));
    assertEquals(10, ten.n());
    assertEquals(5L, ten.p50Ns());
    assertNull(ten.p99Ns(), "no p99 from 10 samples");
    assertNull(ten.p999Ns(), "no p99.9 from 10 samples");
    assertEquals(10L, ten.maxNs());

    assertNull(LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 99), 4)).p99Ns());
    assertEquals(99L, LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 100), 5)).p99Ns());
    assertNull(LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 999), 6)).p999Ns());
    assertNotNull(LatencyPercentiles.of(shuffled(LongStream.rangeClosed(1, 1000), 7)).p999Ns());

    LatencyPercentiles one = LatencyPercentiles.of(List.of(7L));
    assertNull(one.p50Ns());
    assertEquals(7L, one.maxNs());
    assertNull(LatencyPercentiles.of(List.of()));
  }

  @Test
  void theCellPoolsEveryInvocationsSamples() {
    List<Long> first = LongStream.rangeClosed(1, 60).boxed().toList();
    List<Long> second = LongStream.rangeClosed(61, 120).boxed().toList();
    CellStats s = CellStats.of(List.of(first, second));
    assertEquals(120, s.latency().n());
    assertEquals(60L, s.latency().p50Ns());
    assertEquals(119L, s.latency().p99Ns(), "rank ceil(0.99 * 120) = 119");
    assertNull(s.latency().p999Ns());
    assertEquals(120L, s.latency().maxNs());
  }
}
