package org.polybench.workloads.parallel;

import org.polybench.workloads.*;

/**
 * {@code parallel} (docs/workloads.md): the sum over i in [0, size) of {@code mix(seed + i) >>> 40},
 * mod 2^64. Java's {@code long} arithmetic wraps mod 2^64, so signed longs hold the unsigned values
 * bit for bit; {@link Long#toUnsignedString} prints them.
 */
public final class Parallel {

    /** The bits dropped from each mixed value: every term is below 2^24. */
    public static final int SHIFT = 40;

    private Parallel() {}

    /** SplitMix64's output function. */
    public static long mix(long v) {
        long z = v;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One term of the sum. */
    public static long term(long seed, long i) {
        return mix(seed + i) >>> SHIFT;
    }

    /**
     * Elements per {@link #blockSum} call. HotSpot compiles a method normally once it has been
     * <em>called</em> often enough; a loop that runs once per iteration over millions of elements is
     * only ever compiled on-stack (OSR), at a point that varies from run to run. In blocks, the
     * run's warm-up for this workload (1e6 elements, ~1000 calls) gets {@code blockSum} a regular
     * C2 compile; one call per 1024 elements costs nothing measurable.
     */
    static final int BLOCK = 1024;

    /** The sum over one chunk {@code [start, stop)}: what {@code java/threads} runs per thread. */
    public static long chunkSum(long seed, long start, long stop) {
        long s = 0;
        for (long lo = start; lo < stop; lo += BLOCK) {
            s += blockSum(seed, lo, Math.min(lo + BLOCK, stop));
        }
        return s;
    }

    /** The plain loop over {@code [start, stop)}. */
    static long blockSum(long seed, long start, long stop) {
        long s = 0;
        for (long i = start; i < stop; i++) {
            s += mix(seed + i) >>> SHIFT;
        }
        return s;
    }

    /** Start of chunk k of {@code threads}: {@code k*size/threads} (chunk k ends where k+1 starts). */
    public static long chunkStart(long size, int threads, int k) {
        // size < 2^31 (a runner size) and k <= threads < 2^31: the product fits in a long
        return k * size / threads;
    }
}
