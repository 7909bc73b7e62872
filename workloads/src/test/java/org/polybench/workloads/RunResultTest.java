package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's one line, written by the streaming generator, is the JSON Jackson's ObjectMapper makes of the record. */
class RunResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunResult result(Map<String, Object> extra) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("name", "OpenJDK 64-Bit Server VM");
        runtime.put("jvm_args", "-Xmx1g \"quoted\" \\ and \u00e9");
        return new RunResult(RunResult.PROTOCOL_VERSION, "dot", "java", "scalar", 1_000_000, 2,
                new BigInteger("18446744073709551615"), new long[] {5, 4}, new long[] {3, Long.MAX_VALUE, 0},
                "0.1 2.5e-300", "float", null, runtime, extra);
    }

    @Test
    void theStreamedLineIsObjectMappersJsonFieldForField() throws Exception {
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("collections", 3L);
        gc.put("by_collector", Map.of("G1 Young Generation", Map.of("collections", 3L, "time_ms", 7L)));
        List<Object> list = new ArrayList<>(List.of(1, 2.5, "x", true));
        list.add(null);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gc", gc);
        extra.put("sample_target_ns", null);
        extra.put("calls_per_sample", 256L);
        extra.put("clock_overhead_ns", 70);
        extra.put("ratio", 0.1 + 0.2);
        extra.put("big", new BigInteger("123456789012345678901234567890"));
        extra.put("list", list);
        extra.put("ints", new int[] {1, -2});
        extra.put("doubles", new double[] {1e-310, -0.0});
        extra.put("flag", false);
        RunResult r = result(extra);

        String streamed = r.toJson();
        assertEquals(JSON.readTree(JSON.writeValueAsString(r)), JSON.readTree(streamed));
        // the protocol's order, not just the same fields
        List<String> names = new ArrayList<>();
        JSON.readTree(streamed).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("protocol", "workload", "language", "variant", "size", "threads", "seed", "warmup_ns",
                "samples_ns", "checksum", "checksum_kind", "peak_rss_bytes", "runtime", "extra"), names);
        JsonNode seed = JSON.readTree(streamed).get("seed");
        assertEquals(new BigInteger("18446744073709551615"), seed.bigIntegerValue());
    }

    @Test
    void aValueWithNoJsonFormIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> result(Map.of("when", java.time.Duration.ofSeconds(1))).toJson());
        assertEquals(true, e.getMessage().contains("java.time.Duration"), e.getMessage());
    }
}
