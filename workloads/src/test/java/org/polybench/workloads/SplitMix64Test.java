package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The golden values of docs/workloads.md, which every language's generator must reproduce. */
class SplitMix64Test {

    @Test
    void seed42FirstThreeLongs() {
        SplitMix64 rng = new SplitMix64(42);
        assertEquals(0xbdd732262feb6e95L, rng.nextLong());
        assertEquals(0x28efe333b266f103L, rng.nextLong());
        assertEquals(0x47526757130f9f52L, rng.nextLong());
    }

    @Test
    void seed42FirstThreeDoubles() {
        SplitMix64 rng = new SplitMix64(42);
        assertEquals(0.7415648787718233, rng.nextDouble());
        assertEquals(0.1599103928769201, rng.nextDouble());
        assertEquals(0.27860113025513866, rng.nextDouble());
    }

    @Test
    void seed0FirstLong() {
        assertEquals(0xe220a8397b1dcdafL, new SplitMix64(0).nextLong());
    }

    @Test
    void doublesIsAFreshGeneratorsSequence() {
        assertArrayEquals(new double[] {0.7415648787718233, 0.1599103928769201, 0.27860113025513866},
                SplitMix64.doubles(42, 3));
        assertEquals(0, SplitMix64.doubles(42, 0).length);
        assertThrows(IllegalArgumentException.class, () -> SplitMix64.doubles(42, -1));
    }

    @Test
    void doublesAreInUnitInterval() {
        for (double d : SplitMix64.doubles(7, 10_000)) {
            assertTrue(d >= 0.0 && d < 1.0, "out of [0, 1): " + d);
        }
    }

    @Test
    void seedsAboveLongMaxAreTheirBitPattern() {
        // Unsigned 2^64 - 1 is -1L; +1 wraps to 0, as the dot workload's seed + 1 does.
        long max = Long.parseUnsignedLong("18446744073709551615");
        assertEquals(-1L, max);
        assertEquals(new SplitMix64(0).nextLong(), new SplitMix64(max + 1).nextLong());
    }
}
