package org.polybench.workloads.parallel;

import org.polybench.workloads.*;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code parallel}: golden values of docs/workloads.md, every variant at every thread count. */
class ParallelTest {

    /** seed, size, exact sum (unsigned decimal). */
    private static final Object[][] GOLDEN = {
        {42L, 0, "0"},
        {42L, 1, "10967530"},
        {42L, 1000, "8272071362"},
        {7L, 4097, "34524495589"},
        {-1L, 3, "17523307"}, // seed 2^64 - 1: seed + i wraps
    };

    /** The spec written out with unsigned BigInteger arithmetic, independent of Parallel.mix. */
    private static String reference(long seed, int size) {
        java.math.BigInteger m = java.math.BigInteger.ONE.shiftLeft(64);
        java.math.BigInteger s = java.math.BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            java.math.BigInteger z = new java.math.BigInteger(Long.toUnsignedString(seed)).add(java.math.BigInteger.valueOf(i)).mod(m);
            z = z.xor(z.shiftRight(30)).multiply(new java.math.BigInteger("BF58476D1CE4E5B9", 16)).mod(m);
            z = z.xor(z.shiftRight(27)).multiply(new java.math.BigInteger("94D049BB133111EB", 16)).mod(m);
            z = z.xor(z.shiftRight(31));
            s = s.add(z.shiftRight(40)).mod(m);
        }
        return s.toString();
    }

    @Test
    void mixGoldenValues() {
        assertEquals(0L, Parallel.mix(0));
        assertEquals(0xe220a8397b1dcdafL, Parallel.mix(0x9E3779B97F4A7C15L));
        assertEquals(0xa759ea27d4727622L, Parallel.mix(42));
    }

    @Test
    void sumsGoldenValues() {
        for (Object[] g : GOLDEN) {
            long seed = (Long) g[0];
            int size = (Integer) g[1];
            assertEquals(g[2], reference(seed, size), "BigInteger reference, size " + size);
            assertEquals(g[2], Long.toUnsignedString(Parallel.chunkSum(seed, 0, size)), "chunkSum, size " + size);
        }
        assertEquals("8388861253563", Long.toUnsignedString(Parallel.chunkSum(42, 0, 1_000_000)));
    }

    @Test
    void chunksPartitionTheRange() {
        for (long size : new long[] {0, 1, 2, 5, 1001}) {
            for (int t : new int[] {1, 2, 3, 7}) {
                assertEquals(0, Parallel.chunkStart(size, t, 0));
                assertEquals(size, Parallel.chunkStart(size, t, t));
                for (int k = 0; k < t; k++) {
                    assertTrue(Parallel.chunkStart(size, t, k) <= Parallel.chunkStart(size, t, k + 1));
                }
            }
        }
    }

    @Test
    void everyVariantAndThreadCountGivesTheExactSum() throws Exception {
        ParallelWorkload workload = new ParallelWorkload();
        List<Supplier<Variant<ParallelInput, Long>>> variants =
                List.of(ParallelThreadsVariant::new, ParallelStreamsVariant::new);
        for (Supplier<Variant<ParallelInput, Long>> make : variants) {
            for (int threads : new int[] {1, 2, 3}) {
                for (Object[] g : GOLDEN) {
                    ParallelInput input = workload.prepare(
                            new InputSpec((Integer) g[1], (Long) g[0], Optional.empty(), threads));
                    Variant<ParallelInput, Long> v = make.get();
                    v.setUp(input);
                    try {
                        assertEquals(g[2], workload.checksumText(v.run(input)), v.getClass().getSimpleName() + " t=" + threads);
                        assertEquals(g[2], workload.checksumText(v.run(input)), "no state kept between calls");
                    } finally {
                        ((AutoCloseable) v).close();
                    }
                }
            }
        }
    }

    @Test
    void checksumIsExactNotFloat() {
        ParallelWorkload workload = new ParallelWorkload();
        assertEquals("u64", workload.checksumKind());
        assertEquals("18446744073709551615", workload.checksumText(-1L));
        assertThrows(UnsupportedOperationException.class, () -> workload.checksum(1L));
    }

    @Test
    void runnerReportsTheU64AndTheAffinity() throws Exception {
        for (String variant : List.of("threads", "parallel-streams")) {
            for (String threads : List.of("1", "2")) {
                RunnerTest.Run r = RunnerTest.run("--workload", "parallel", "--variant", variant, "--size", "4097",
                        "--seed", "7", "--threads", threads, "--warmup", "1", "--iterations", "2");
                assertEquals(0, r.exitCode(), r.stderr());
                JsonNode json = r.json();
                assertEquals("34524495589", json.get("checksum").textValue());
                assertEquals("u64", json.get("checksum_kind").textValue());
                assertEquals(Integer.parseInt(threads), json.get("threads").intValue());
                if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/status"))) {
                    assertTrue(json.get("extra").get("cpu_affinity").textValue().matches("[0-9,-]+"));
                }
            }
        }
    }
}
