package org.polybench.workloads;

/**
 * The timings and checksum of one run: every iteration, warm-up included, timed around the kernel
 * call alone.
 *
 * @param warmupNs  warm-up iterations, recorded but not part of the statistics
 * @param samplesNs measured iterations
 * @param checksum  the protocol checksum string of the last iteration (all iterations agree, or
 *                  {@link #take} throws)
 * @param gc        the collections during the measured iterations ({@link MemoryProbe#gcBetween}),
 *                  read before the first measured call and after the last, outside the timer
 */
public record Measurement(long[] warmupNs, long[] samplesNs, String checksum, java.util.Map<String, Object> gc) {

    /** Thrown when two iterations of a kernel give different checksums: the kernel is wrong, not slow. */
    public static final class ChecksumMismatch extends Exception {
        ChecksumMismatch(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code warmup + iterations} kernel calls on the prepared input.
     *
     * <p>Only {@code variant.run} sits between the two {@code System.nanoTime} reads. The checksum
     * is computed after the timer stops, from every iteration's output, so the JIT can neither drop
     * the work nor fold the checksum into the timed region.
     */
    public static <I, O> Measurement take(
            Workload<I, O> workload, Variant<I, O> variant, I input, int warmup, int iterations)
            throws ChecksumMismatch {
        long[] warmupNs = new long[warmup];
        long[] samplesNs = new long[iterations];
        String first = null;
        String last = null;
        long[] gcStart = null;
        for (int i = 0; i < warmup + iterations; i++) {
            if (i == warmup) gcStart = MemoryProbe.gcCounters();
            long start = System.nanoTime();
            O output = variant.run(input);
            long elapsed = System.nanoTime() - start;

            if (i < warmup) {
                warmupNs[i] = elapsed;
            } else {
                samplesNs[i - warmup] = elapsed;
            }
            last = workload.checksumText(output);
            if (i == 0) {
                first = last;
            } else if (!last.equals(first)) {
                // Exact on purpose (a double's shortest round-trip string identifies its bits):
                // the kernels are deterministic, so any difference is a bug
                // (state kept between calls, a data race, an unordered reduction).
                throw new ChecksumMismatch("iteration " + i + " gave checksum " + last
                        + " but iteration 0 gave " + first + "; the kernel is not deterministic");
            }
        }
        return new Measurement(warmupNs, samplesNs, last, MemoryProbe.gcBetween(gcStart, MemoryProbe.gcCounters()));
    }
}
