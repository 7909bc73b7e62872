package org.polybench.workloads;

import org.polybench.workloads.tokenize.TokenizeTest;
import org.polybench.workloads.dot.Dot;
import org.polybench.workloads.dot.DotWorkload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The runner driven in-process through picocli: flags, the JSON document and exit codes 0, 1 and 2. */
public class RunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and returned. */
    public record Run(int exitCode, String stdout, String stderr) {
        public JsonNode json() throws Exception {
            return JSON.readTree(stdout);
        }
    }

    public static Run run(Registry registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Runner.run(registry, args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Run run(String... args) {
        return run(Registry.standard(), args);
    }

    @Test
    void dotScalarPrintsOneProtocolObject() throws Exception {
        Run r = run("--workload", "dot", "--variant", "scalar", "--size", "1000",
                "--warmup", "2", "--iterations", "4", "--seed", "7");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(r.stdout().endsWith("\n"));
        assertEquals(1, r.stdout().strip().lines().count(), "exactly one line on stdout");

        JsonNode json = r.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("protocol", "workload", "language", "variant", "size", "threads", "seed",
                "warmup_ns", "samples_ns", "checksum", "checksum_kind", "peak_rss_bytes", "runtime", "extra"), fields);

        assertEquals(2, json.get("protocol").intValue());
        assertEquals("dot", json.get("workload").textValue());
        assertEquals("java", json.get("language").textValue());
        assertEquals("scalar", json.get("variant").textValue());
        assertEquals(1000, json.get("size").intValue());
        assertEquals(1, json.get("threads").intValue());
        assertEquals(7, json.get("seed").longValue());
        assertTrue(json.get("warmup_ns").size() >= 2, "at least --warmup; calibration may add entries");
        assertEquals(4, json.get("samples_ns").size());
        json.get("samples_ns").forEach(n -> assertTrue(n.isIntegralNumber() && n.longValue() >= 0));
        assertTrue(json.get("checksum").isTextual(), "checksum is a string");
        assertDotChecksum(7, 8, 1000, json.get("checksum").textValue());
        assertEquals("float", json.get("checksum_kind").textValue());
        assertTrue(json.get("peak_rss_bytes").longValue() > 0);

        JsonNode runtime = json.get("runtime");
        assertEquals(System.getProperty("java.vm.name"), runtime.get("name").textValue());
        assertEquals(System.getProperty("java.runtime.version"), runtime.get("version").textValue());
        assertEquals(System.getProperty("java.vendor"), runtime.get("vendor").textValue());
        assertTrue(runtime.get("jvm_args").textValue().contains("jdk.incubator.vector"));
        assertFalse(runtime.get("gc").textValue().isBlank());
        assertFalse(runtime.has("vector_species"), "scalar variants name no species");
    }

    @Test
    void defaultsAreTheProtocols() throws Exception {
        JsonNode json = run("--workload", "normalize", "--variant", "scalar", "--size", "10").json();
        assertEquals(1, json.get("threads").intValue());
        assertTrue(json.get("warmup_ns").size() >= 3);
        assertEquals(10, json.get("samples_ns").size());
        assertEquals(42, json.get("seed").intValue());
    }

    @Test
    void shortCallsAreBatchedAndTheClockIsRecorded() throws Exception {
        JsonNode extra = run("--workload", "dot", "--variant", "scalar", "--size", "10", "--warmup", "0",
                "--iterations", "3", "--warmup-time-ms", "20").json().get("extra");
        assertTrue(extra.get("calls_per_sample").longValue() > 1, extra.toString());
        assertTrue(extra.get("clock_resolution_ns").longValue() >= 1);
        assertTrue(extra.get("sample_target_ns").longValue()
                >= 100 * Math.max(extra.get("clock_overhead_ns").longValue(), extra.get("clock_resolution_ns").longValue()));
        assertTrue(extra.get("warmup_elapsed_ns").longValue() >= 20_000_000L);
    }

    @Test
    void longWorkloadsAreNotBatched() throws Exception {
        JsonNode extra = run("--workload", "parallel", "--variant", "threads", "--size", "1000", "--warmup", "0",
                "--iterations", "2").json().get("extra");
        assertEquals(1, extra.get("calls_per_sample").longValue());
        assertTrue(extra.get("sample_target_ns").isNull());
    }

    @Test
    void vectorVariantsRecordTheSpeciesAndAgreeWithScalar() throws Exception {
        for (String workload : List.of("dot", "normalize")) {
            JsonNode scalar = run("--workload", workload, "--variant", "scalar", "--size", "1000").json();
            Run vectorRun = run("--workload", workload, "--variant", "vector", "--size", "1000");
            assertEquals(0, vectorRun.exitCode(), vectorRun.stderr());
            JsonNode vector = vectorRun.json();
            assertTrue(vector.get("runtime").get("vector_species").textValue().startsWith("Species[double"));
            if (workload.equals("dot")) {
                assertDotChecksum(42, 43, 1000, vector.get("checksum").textValue());
            } else {
                // subtract, then divide: the same bits in every correct implementation
                assertEquals(scalar.get("checksum").textValue(), vector.get("checksum").textValue());
            }
        }
    }

    @Test
    void normalizeChecksumIsSha256OfTheOutputsBitsInOrder() throws Exception {
        JsonNode json = run("--workload", "normalize", "--variant", "scalar", "--size", "257").json();
        assertEquals("f64+sha256", json.get("checksum_kind").textValue());
        // docs/workloads.md#normalize, from the spec: (x - min) / (max - min), 8 bytes LE each
        double[] x = SplitMix64.doubles(42, 257);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * 257).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            bytes.putDouble((v - lo) / (hi - lo));
        }
        String want = "257:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        assertEquals(want, json.get("checksum").textValue());
    }

    /**
     * The dot checksum from the spec, not from a kernel: the exact dot of the seeded input (to within
     * 1e-13 relative, far inside the float64 bound) and the verification input's n (1 + 2^-25).
     */
    static void assertDotChecksum(long seedA, long seedB, int n, String checksum) {
        String[] parts = checksum.split(" ");
        assertEquals(2, parts.length, checksum);
        double[] a = SplitMix64.doubles(seedA, n);
        double[] b = SplitMix64.doubles(seedB, n);
        java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            exact = exact.add(new java.math.BigDecimal(a[i]).multiply(new java.math.BigDecimal(b[i])));
        }
        double want = exact.doubleValue();
        assertEquals(want, Double.parseDouble(parts[0]), 1e-13 * Math.abs(want) + Double.MIN_VALUE, checksum);
        assertEquals(Double.toString(n * (1 + 0x1p-25)), parts[1], checksum);
    }

    /** The kinds of docs/notes catalogue-spec ("Kinds today (must not change)"), java row. */
    static final java.util.Map<String, String> SPEC_KINDS = java.util.Map.of(
            "scalar", "naive", "vector", "optimized", "threads", "idiomatic",
            "parallel-streams", "idiomatic", "native", "optimized", "objects", "naive",
            "objects-parallel", "idiomatic", "objects-zgc", "idiomatic");

    static JsonNode list(String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of(extraArgs));
        args.add("--list");
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        return r.json();
    }

    @Test
    void listIsTheCatalogue() throws Exception {
        JsonNode json = list();
        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("protocol", "runner", "language", "implementations"), top);
        assertEquals(2, json.get("protocol").intValue());
        assertEquals("java", json.get("runner").textValue());
        assertEquals("java", json.get("language").textValue());
        List<String> rows = new ArrayList<>();
        for (JsonNode row : json.get("implementations")) {
            List<String> fields = new ArrayList<>();
            row.fieldNames().forEachRemaining(fields::add);
            // jvm_flags only where a variant needs its own JVM options (a collector)
            List<String> base = List.of("workload", "variant", "kind", "description", "available", "reason", "opt_in");
            assertEquals(row.has("jvm_flags") ? java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of("jvm_flags")).toList()
                    : base, fields);
            String variant = row.get("variant").textValue();
            rows.add(row.get("workload").textValue() + "/" + variant);
            assertEquals(SPEC_KINDS.get(variant), row.get("kind").textValue(), variant);
            String description = row.get("description").textValue();
            assertFalse(description.isBlank() || description.contains("\n"), description);
            assertFalse(row.get("opt_in").booleanValue());
            // the test JVM has the Vector API module (surefire adds it)
            assertTrue(row.get("available").booleanValue());
            assertTrue(row.get("reason").isNull());
        }
        assertEquals(List.of("dot/scalar", "dot/vector", "normalize/scalar", "normalize/vector",
                "parallel/threads", "parallel/parallel-streams", "tokenize/native", "binary-trees/objects", "binary-trees/objects-parallel", "binary-trees/objects-zgc"), rows);
    }

    @Test
    void listIgnoresTheOtherFlags() throws Exception {
        assertEquals(list(), list("--workload", "nope", "--size", "x"));
    }

    @Test
    void everyListedRowIsAcceptedByTheRunner(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String corpus = null;
        for (JsonNode row : list().get("implementations")) {
            String workload = row.get("workload").textValue();
            List<String> args = new ArrayList<>(List.of("--workload", workload,
                    "--variant", row.get("variant").textValue(), "--warmup", "0", "--iterations", "1"));
            if (workload.equals("tokenize")) {
                if (corpus == null) {
                    TokenizeTest.writeCorpus(dir);
                    corpus = dir.resolve("corpus.txt").toString();
                }
                args.addAll(List.of("--size", Long.toString(java.nio.file.Files.size(dir.resolve("corpus.txt"))),
                        "--input", corpus));
            } else {
                // binary-trees' size is a tree depth (at most 22)
                args.addAll(List.of("--size", workload.equals("binary-trees") ? "8" : "100"));
            }
            Run r = run(args.toArray(String[]::new));
            if (row.has("jvm_flags")) {
                // this JVM runs the default collector: a variant that needs other flags says which, exit 2
                assertEquals(2, r.exitCode(), row + ": " + r.stderr());
                assertTrue(r.stderr().contains(row.get("jvm_flags").get(0).textValue()), r.stderr());
                continue;
            }
            assertEquals(0, r.exitCode(), row + ": " + r.stderr());
            assertEquals(row.get("variant").textValue(), r.json().get("variant").textValue());
        }
    }

    @Test
    void unknownVariantIsExitTwoNamingTheKnownOnes() {
        Run r = run("--workload", "dot", "--variant", "simd", "--size", "10");
        assertEquals(2, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("unknown variant 'simd'"), r.stderr());
        assertTrue(r.stderr().contains("known: scalar, vector"), r.stderr());
    }

    @Test
    void sizeZeroGivesZero() throws Exception {
        for (String workload : List.of("dot", "normalize")) {
            for (String variant : List.of("scalar", "vector")) {
                Run r = run("--workload", workload, "--variant", variant, "--size", "0");
                assertEquals(0, r.exitCode(), r.stderr());
                // dot: 0.0 on the seeded and the verification input; normalize: no outputs
                String empty = workload.equals("dot") ? "0.0 0.0"
                        : "0:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
                assertEquals(empty, r.json().get("checksum").textValue());
            }
        }
    }

    @Test
    void unsignedSeedAboveLongMax() throws Exception {
        Run r = run("--workload", "dot", "--variant", "scalar", "--size", "5",
                "--seed", "18446744073709551615", "--threads", "2");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = r.json();
        assertEquals("18446744073709551615", json.get("seed").bigIntegerValue().toString());
        assertEquals(2, json.get("threads").intValue());
        // b comes from seed + 1, which wraps to 0.
        assertDotChecksum(-1L, 0L, 5, json.get("checksum").textValue());
    }

    @Test
    void equalsSignFormIsAccepted() {
        assertEquals(0, run("--workload=dot", "--variant=scalar", "--size=3").exitCode());
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("--workload", List.of("--workload", "matmul", "--variant", "scalar", "--size", "1"), "known: dot, normalize"),
                Arguments.of("--variant", List.of("--workload", "dot", "--variant", "numpy", "--size", "1"), "known: scalar, vector"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar", "--size", "-1"), "--size must be"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar", "--size", "1e6"), "--size must be"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar", "--size", "2147483640"), "2147483639"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar", "--size", "99999999999999999999"), "--size must be"),
                Arguments.of("--iterations", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--iterations", "0"), "--iterations must be an integer >= 1"),
                Arguments.of("--warmup", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--warmup", "-1"), "--warmup must be an integer >= 0"),
                Arguments.of("--threads", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--threads", "0"), "--threads must be an integer >= 1"),
                Arguments.of("--threads", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--threads", "two"), "--threads must be"),
                Arguments.of("--seed", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--seed", "-1"), "unsigned 64-bit"),
                Arguments.of("--seed", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--seed", "18446744073709551616"), "unsigned 64-bit"),
                Arguments.of("--input", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--input", "corpus.txt"), "drop --input"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar"), "Missing required option"),
                Arguments.of("--bogus", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--bogus"), "Unknown option"),
                Arguments.of("extra", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "extra"), "Unmatched argument"),
                Arguments.of("--size", List.of("--workload", "dot", "--variant", "scalar", "--size", "1", "--size", "2"), "only once"),
                Arguments.of("--workload", List.of("--workload", "--variant", "scalar", "--size", "1"), "--workload"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArguments")
    void badArgumentsExitTwoWithOneLineNamingTheFlag(String flag, List<String> args, String expected) {
        Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("", r.stdout(), "nothing on stdout");
        assertEquals(1, r.stderr().lines().count(), "one line: " + r.stderr());
        assertTrue(r.stderr().contains(flag), "names " + flag + ": " + r.stderr());
        assertTrue(r.stderr().contains(expected), "says '" + expected + "': " + r.stderr());
    }

    @Test
    void iterationsThatDisagreeExitOne() {
        // A registered variant whose output drifts between calls: the runner must refuse it.
        AtomicLong calls = new AtomicLong();
        DotWorkload dot = new DotWorkload();
        Registry registry = new Registry().register(dot, "drifting", Kind.NAIVE, "a test variant", Requirement.NONE,
                () -> input -> Dot.dot(input.a(), input.b()) + calls.getAndIncrement());
        Run r = run(registry, "--workload", "dot", "--variant", "drifting", "--size", "10");
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("not deterministic"), r.stderr());
    }

    @Test
    void kernelExceptionsExitOne() {
        DotWorkload dot = new DotWorkload();
        Registry registry = new Registry().register(dot, "broken", Kind.NAIVE, "a test variant", Requirement.NONE,
                () -> input -> { throw new IllegalStateException("boom"); });
        Run r = run(registry, "--workload", "dot", "--variant", "broken", "--size", "10");
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("boom"), r.stderr());
    }
}
