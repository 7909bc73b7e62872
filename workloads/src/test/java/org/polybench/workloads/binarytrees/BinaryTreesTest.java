package org.polybench.workloads.binarytrees;

import org.polybench.workloads.*;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** binary-trees against its spec: a perfect tree of depth d has 1 + 2 + ... + 2^d nodes. */
class BinaryTreesTest {

    /** The spec's count, level by level. */
    static long nodes(int d) {
        long n = 0;
        for (int k = 0; k <= d; k++) n += 1L << k;
        return n;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 11})
    void treesArePerfectAndCountedExactly(int d) {
        BinaryTreesWorkload.Node t = BinaryTreesWorkload.make(d);
        assertEquals(nodes(d), leavesAtDepth(t, 0, d) * 2 - 1);
        assertEquals(nodes(d), BinaryTreesWorkload.count(t));
        assertEquals(nodes(d), BinaryTreesWorkload.nodes(d));
    }

    private static long leavesAtDepth(BinaryTreesWorkload.Node n, int depth, int d) {
        if (n.left() == null) {
            assertTrue(n.right() == null && depth == d, "a leaf at depth " + depth + " of " + d);
            return 1;
        }
        return leavesAtDepth(n.left(), depth + 1, d) + leavesAtDepth(n.right(), depth + 1, d);
    }

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 12})
    void runnerChecksumIsBothTreesAndExtraHasLatenciesAndCollections(int d) throws Exception {
        Result r = run("--workload", "binary-trees", "--variant", "objects", "--size", Integer.toString(d), "--warmup", "2",
                "--iterations", "4");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("u64", j.get("checksum_kind").asText());
        assertEquals(Long.toString(2 * nodes(d)), j.get("checksum").asText());
        JsonNode extra = j.get("extra");
        assertEquals(nodes(d), extra.get("nodes").get("long_lived").asLong());
        assertEquals(4, extra.get("iteration_latency_ns").get("count").asInt());
        assertEquals(4, extra.get("gc_per_iteration").size());
        assertTrue(extra.get("gc").get("collections").asLong() >= 0);
        assertTrue(extra.get("gc").get("by_collector").size() >= 1);
    }

    /** This test JVM runs the default collector: a variant that needs another one refuses to run. */
    @Test
    void aCollectorVariantWithoutItsFlagIsExitTwoNamingTheFlag() {
        List<String> given = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        org.junit.jupiter.api.Assumptions.assumeFalse(given.contains("-XX:+UseZGC"));
        Result r = run("--workload", "binary-trees", "--variant", "objects-zgc", "--size", "3");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("-XX:+UseZGC"), r.err());
    }

    @Test
    void theCatalogueListsTheCollectorFlags() throws Exception {
        Result r = run("--list");
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("implementations");
        int seen = 0;
        for (JsonNode row : rows) {
            if (!row.get("workload").asText().equals("binary-trees")) {
                assertTrue(row.get("jvm_flags") == null, "no jvm_flags field on rows that need none: " + row);
                continue;
            }
            String flags = row.has("jvm_flags") ? row.get("jvm_flags").toString() : "[]";
            switch (row.get("variant").asText()) {
                case "objects" -> assertEquals("[]", flags);
                case "objects-parallel" -> assertEquals("[\"-XX:+UseParallelGC\"]", flags);
                case "objects-zgc" -> assertEquals("[\"-XX:+UseZGC\"]", flags);
                default -> throw new AssertionError(row.toString());
            }
            seen++;
        }
        assertEquals(3, seen);
    }
}
