package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Java runner's one loop on a fake clock that moves only when the fake kernel runs. */
class MeasurementTest {

    /** A kernel that "takes" {@code callNs} of a clock only it moves. */
    static class Fake implements Variant<Integer, Double> {
        final long callNs;
        long now;
        long calls;
        Fake(long callNs) {
            this.callNs = callNs;
        }
        @Override
        public Double run(Integer input) {
            now += callNs;
            calls++;
            return 1.0;
        }
    }

    /** A workload whose checksum is the output itself. */
    static Workload<Integer, Double> workload(boolean batched) {
        return new Workload<>() {
            @Override public String name() { return "fake"; }
            @Override public Integer prepare(InputSpec spec) { return 0; }
            @Override public double checksum(Double output) { return output; }
            @Override public boolean batched() { return batched; }
        };
    }

    @Test
    void calibrationBatchesAFastKernelUntilASampleReachesTheTarget() throws Exception {
        Fake k = new Fake(300);
        Measurement m = Measurement.take(workload(true), k, 0, new Measurement.Plan(1, 0, 5, 10_000), () -> k.now);
        // 32 x 300 ns = 9.6 us < 10 us <= 64 x 300 ns
        assertEquals(64, m.callsPerSample());
        assertArrayEquals(new long[] {300, 300, 300, 300, 300}, m.samplesNs(), "per-call times");
        assertEquals(7, m.warmupNs().length, "calibration samples of 1, 2, 4, ..., 64 calls are warm-up");
        assertEquals(1 + 2 + 4 + 8 + 16 + 32 + 64, m.warmupCalls());
    }

    @Test
    void aSlowKernelIsNotBatched() throws Exception {
        Fake k = new Fake(50_000);
        Measurement m = Measurement.take(workload(true), k, 0, new Measurement.Plan(2, 0, 3, 10_000), () -> k.now);
        assertEquals(1, m.callsPerSample());
        assertEquals(2, m.warmupNs().length);
    }

    @Test
    void warmupLastsTheMinimumTimeAsWellAsTheCount() throws Exception {
        Fake k = new Fake(1_000);
        Measurement m = Measurement.take(workload(false), k, 0, new Measurement.Plan(2, 5_000_000, 3, 0), () -> k.now);
        assertTrue(m.warmupElapsedNs() >= 5_000_000, "warm-up took " + m.warmupElapsedNs());
        assertTrue(m.warmupCalls() >= 5_000);
        assertTrue(m.warmupNs().length > 2 && m.warmupNs().length <= 2 + Measurement.TIME_PHASE_ENTRIES + 1,
                m.warmupNs().length + " entries");
        assertTrue(Arrays.stream(m.warmupNs()).allMatch(t -> t == 1_000));
        assertEquals(1, m.callsPerSample());
    }

    @Test
    void theWarmupCountHoldsWhenItOutlastsTheTime() throws Exception {
        Fake k = new Fake(10_000_000);
        Measurement m = Measurement.take(workload(true), k, 0, new Measurement.Plan(3, 1_000_000, 1, 10_000), () -> k.now);
        assertEquals(3, m.warmupNs().length);
    }

    /**
     * The checksum (normalize: SHA-256 of the output) runs on the first warm-up output only, never
     * between two measured samples, where it changes the next call's time; the runner's allocation
     * call after the measured ones must give it again (RunnerTest's drifting variant).
     */
    @Test
    void theChecksumRunsOnTheFirstWarmUpOutputOnly() {
        long[] n = {0};
        Variant<Integer, Double> counting = input -> (double) n[0]++;
        java.util.List<Double> hashed = new java.util.ArrayList<>();
        Workload<Integer, Double> w = new Workload<>() {
            @Override public String name() { return "fake"; }
            @Override public Integer prepare(InputSpec spec) { return 0; }
            @Override public double checksum(Double output) { hashed.add(output); return output; }
            @Override public boolean batched() { return false; }
        };
        Measurement m = Measurement.take(w, counting, 0, new Measurement.Plan(3, 0, 4, 0), () -> 0);
        assertEquals(java.util.List.of(0.0), hashed);
        assertEquals("0.0", m.checksum());
        assertEquals(4, m.samplesNs().length);
        hashed.clear();
        m = Measurement.take(w, counting, 0, new Measurement.Plan(0, 0, 2, 0), () -> 0);
        assertEquals(java.util.List.of(7.0), hashed, "no warm-up: the first measured output is the reference");
    }

    @Test
    void theClocksOverheadAndResolutionAreMeasured() {
        long[] t = {0};
        Measurement.ClockInfo c = Measurement.ClockInfo.of(() -> (t[0] += 7) / 40 * 40);
        assertEquals(40, c.resolutionNs());
        assertEquals(0, c.overheadNs());
        assertEquals(Measurement.MIN_SAMPLE_NS, new Measurement.ClockInfo(25, 1).sampleTargetNs());
        assertEquals(50_000, new Measurement.ClockInfo(500, 1).sampleTargetNs());
    }

    @Test
    void theGcProbeIsReadBeforeTheFirstWarmUpCallSoItsClassLoadingCannotDeoptimiseTheMeasuredLoop() throws Exception {
        // read first at the first measured sample, the probe's class loading and listener
        // registration deoptimised java/vector dot (1.4 ms samples after 0.3 ms warm-up calls)
        long before = MemoryProbe.reads();
        long[] atFirstCall = {-1};
        Fake k = new Fake(1_000) {
            @Override
            public Double run(Integer input) {
                if (atFirstCall[0] < 0) atFirstCall[0] = MemoryProbe.reads();
                return super.run(input);
            }
        };
        Measurement.take(workload(false), k, 0, new Measurement.Plan(2, 0, 3, 0), () -> k.now);
        assertTrue(atFirstCall[0] > before, "no GC probe read before the first warm-up call");
    }
}
