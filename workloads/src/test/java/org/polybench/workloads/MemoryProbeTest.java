package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java runner's memory figures: allocation of the untimed call, collections, baseline. */
class MemoryProbeTest {

    static volatile Object sink;

    @Test
    void theAllocationCounterSeesAKnownArray() {
        // a byte[1_000_000] is 16 bytes of header and length plus the bytes
        Map<String, Object> a = MemoryProbe.allocation(() -> sink = new byte[1_000_000]);
        long bytes = (Long) a.get("alloc_bytes_per_call");
        assertTrue(bytes >= 1_000_016 && bytes < 1_000_016 + 1024, "allocated " + bytes);
    }

    @Test
    void aCallThatAllocatesNothingCountsNothing() {
        int[] box = new int[1];
        for (int i = 0; i < 3; i++) MemoryProbe.allocation(() -> box[0]++); // the lambda's class is loaded
        Map<String, Object> a = MemoryProbe.allocation(() -> box[0]++);
        assertEquals(0L, a.get("alloc_bytes_per_call"));
    }

    @Test
    void normalizeAllocatesItsOutputArrayPerCallAndTheCellHasCollectionsAndABaseline() throws Exception {
        JsonNode j = RunnerTest.run("--workload", "normalize", "--variant", "scalar", "--size", "100000",
                "--warmup", "1", "--iterations", "2").json();
        JsonNode extra = j.get("extra");
        long bytes = extra.get("alloc_bytes_per_call").asLong();
        // one double[100000]: 16 bytes of header and length, 800000 of doubles
        assertTrue(bytes >= 800_016 && bytes < 800_016 + 4096, "allocated " + bytes);
        JsonNode gc = extra.get("gc");
        assertTrue(gc.get("collections").isIntegralNumber() && gc.get("collections").asLong() >= 0, gc.toString());
        assertTrue(gc.get("pause_ns").isIntegralNumber(), gc.toString());
        assertTrue(gc.get("by_collector").size() >= 1, gc.toString());
        long baseline = extra.get("baseline_rss_bytes").asLong();
        assertTrue(baseline > 0 && baseline <= j.get("peak_rss_bytes").asLong(), extra.toString());
    }
}
