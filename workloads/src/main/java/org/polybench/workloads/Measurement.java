package org.polybench.workloads;

import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The timings and checksum of one run: every sample, warm-up included, timed around kernel calls
 * alone, as per-call times (a sample's time over its {@code callsPerSample}).
 *
 * @param warmupNs  warm-up entries, recorded but not part of the statistics (per-call ns)
 * @param samplesNs measured samples (per-call ns)
 * @param checksum  the protocol checksum string of the last sample (all samples agree, or
 *                  {@link #take} throws)
 * @param gc        the collections during the measured samples ({@link MemoryProbe#gcBetween}),
 *                  read before the first measured call and after the last, outside the timer
 * @param callsPerSample kernel calls in each measured sample (1 unless calibrated up)
 * @param warmupCalls kernel calls made in the warm-up (a workload's {@code extra} skips them)
 * @param warmupElapsedNs how long the warm-up took
 */
public record Measurement(long[] warmupNs, long[] samplesNs, String checksum, java.util.Map<String, Object> gc,
        long callsPerSample, long warmupCalls, long warmupElapsedNs) {

    /** The shortest a batched sample may last, whatever the clock (docs/runner-protocol.md). */
    public static final long MIN_SAMPLE_NS = 10_000;
    /** A batched sample lasts at least this many times the clock's overhead and resolution. */
    public static final long OVERHEAD_FACTOR = 100;
    /** Past the warm-up count, each entry covers at least warmup time / this many. */
    public static final long TIME_PHASE_ENTRIES = 100;
    private static final long MAX_CALLS_PER_SAMPLE = 1L << 40;

    /** Thrown when two iterations of a kernel give different checksums: the kernel is wrong, not slow. */
    public static final class ChecksumMismatch extends Exception {
        ChecksumMismatch(String message) {
            super(message);
        }
    }

    /** {@code System.nanoTime} as measured at start: median back-to-back cost, smallest non-zero step. */
    public record ClockInfo(long overheadNs, long resolutionNs) {
        public static ClockInfo of(LongSupplier clock) {
            long[] deltas = new long[1001];
            for (int i = 0; i < deltas.length; i++) {
                long a = clock.getAsLong();
                deltas[i] = clock.getAsLong() - a;
            }
            java.util.Arrays.sort(deltas);
            long resolution = Long.MAX_VALUE;
            for (int i = 0; i < 21; i++) {
                long a = clock.getAsLong();
                long b = clock.getAsLong();
                while (b == a) b = clock.getAsLong();
                resolution = Math.min(resolution, b - a);
            }
            return new ClockInfo(deltas[deltas.length / 2], Math.max(1, resolution));
        }

        /** How long one batched sample must last at least. */
        public long sampleTargetNs() {
            return Math.max(MIN_SAMPLE_NS, Math.max(OVERHEAD_FACTOR * overheadNs, OVERHEAD_FACTOR * resolutionNs));
        }
    }

    /** What the loop is told: the warm-up count and time, the measured count, the sample target (0: no batching). */
    public record Plan(int warmup, long warmupTimeNs, int iterations, long targetNs) {}

    /**
     * Runs the runner's one loop on {@code System.nanoTime} (see {@link #take(Workload, Variant,
     * Object, Plan, LongSupplier)}).
     */
    public static <I, O> Measurement take(Workload<I, O> workload, Variant<I, O> variant, I input, Plan plan) {
        return take(workload, variant, input, plan, System::nanoTime);
    }

    /**
     * The loop, on any clock (tests use a fake one). Warm-up: at least {@code plan.warmup()}
     * entries, until {@code plan.warmupTimeNs()} has passed (as JMH's timed warm-up iterations),
     * and, with a target, until calibrated: calls per sample start at 1 and double after each
     * warm-up sample shorter than the target (JMH's batch size, pyperf's loops). Past the count,
     * one warm-up entry groups samples until it covers warmup time / {@link #TIME_PHASE_ENTRIES}.
     * Then {@code plan.iterations()} samples of that many calls.
     *
     * <p>As in JMH's generated stub, the calls of a sample run in {@link #sample}, a loop that only
     * calls the kernel and hands each output to JMH's own {@link Blackhole}, so the JIT can neither
     * drop a call nor hoist it. The checksum is computed after the timer stops, from the first
     * warm-up output (the first measured one's without warm-up), so the JIT cannot fold it into the
     * timed region either; the runner's allocation call after the measured ones must give the same.
     * Never between two measured samples, as no referee does: normalize's SHA-256 of 8 MB there
     * changes the next call's time (the caches it leaves), which JMH's loop never pays.
     */
    static <I, O> Measurement take(Workload<I, O> workload, Variant<I, O> variant, I input, Plan plan, LongSupplier clock) {
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Object[] last = new Object[1];
        java.util.List<Long> warm = new java.util.ArrayList<>();
        String checksum = null;
        long calls = 1;
        long warmupCalls = 0;
        MemoryProbe.loadBeforeTiming();
        long start = clock.getAsLong();
        boolean calibrated = plan.targetNs() <= 0;
        while (!(warm.size() >= plan.warmup() && calibrated && clock.getAsLong() - start >= plan.warmupTimeNs())) {
            long goal = warm.size() >= plan.warmup() && calibrated ? plan.warmupTimeNs() / TIME_PHASE_ENTRIES : 0;
            long total = 0;
            long done = 0;
            long d;
            do {
                d = sample(variant, input, calls, sink, last, clock);
                // the first warm-up output is the reference the allocation call must equal; the
                // other warm-up outputs are not hashed (normalize's SHA-256 of 8 MB per warm-up call,
                // thousands of them, cost seconds per process)
                if (checksum == null) {
                    checksum = workload.checksumText(cast(last[0]));
                }
                last[0] = null;
                total += d;
                done += calls;
            } while (total < goal);
            warmupCalls += done;
            warm.add((total + done / 2) / done);
            calibrated = plan.targetNs() <= 0 || d >= plan.targetNs() || calls >= MAX_CALLS_PER_SAMPLE;
            if (!calibrated) calls *= 2;
        }
        long warmupElapsed = clock.getAsLong() - start;
        long[] samples = new long[plan.iterations()];
        long[] gcStart = MemoryProbe.gcCounters();
        for (int i = 0; i < samples.length; i++) {
            long d = sample(variant, input, calls, sink, last, clock);
            if (checksum == null) { // no warm-up sample: the first measured one is the reference
                checksum = workload.checksumText(cast(last[0]));
            }
            last[0] = null; // dropped before the next sample, as JMH's Blackhole drops it
            samples[i] = (d + calls / 2) / calls;
        }
        java.util.Map<String, Object> gc = MemoryProbe.gcBetween(gcStart, MemoryProbe.gcCounters());
        return new Measurement(warm.stream().mapToLong(Long::longValue).toArray(), samples, checksum, gc, calls,
                warmupCalls, warmupElapsed);
    }

    /** One timed sample of {@code calls} calls; the last output is left in {@code last[0]}. */
    private static <I, O> long sample(Variant<I, O> variant, I input, long calls, Blackhole sink, Object[] last,
            LongSupplier clock) {
        long start = clock.getAsLong();
        O out = null;
        for (long c = 0; c < calls; c++) {
            out = variant.run(input);
            sink.consume(out);
        }
        long elapsed = clock.getAsLong() - start;
        last[0] = out;
        return elapsed;
    }

    @SuppressWarnings("unchecked")
    private static <O> O cast(Object o) {
        return (O) o;
    }
}
