package org.polybench.workloads;

/**
 * SplitMix64, the seeded generator every language uses for its inputs (docs/workloads.md).
 *
 * <p>Java's {@code long} arithmetic wraps modulo 2^64 and {@code >>>} is the logical shift, so
 * the spec's unsigned arithmetic is written as is; a seed above {@code Long.MAX_VALUE} is simply
 * its two's-complement bit pattern.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** 2^-53: the top 53 bits of a u64 scaled into [0, 1), exactly as the spec says. */
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1): {@code (next() >>> 11) * 2^-53}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** The first {@code n} doubles of a fresh generator started at {@code seed}. */
    public static double[] doubles(long seed, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplitMix64 rng = new SplitMix64(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextDouble();
        }
        return out;
    }
}
