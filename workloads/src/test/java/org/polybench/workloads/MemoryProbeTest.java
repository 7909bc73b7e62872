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

    @Test
    void everyCollectionInTheRegionIsHeardOfAndItsLongestPauseIsNoMoreThanTheirTotal() {
        long[] start = MemoryProbe.gcCounters();
        System.gc(); // a full collection each (no -XX:+ExplicitGCInvokesConcurrent in the tests)
        System.gc();
        Map<String, Object> gc = MemoryProbe.gcBetween(start, MemoryProbe.gcCounters());
        assertTrue((Long) gc.get("collections") >= 2, gc.toString());
        // a notification per collection, matched by the bean's collection number: none missing
        assertTrue(!gc.containsKey("max_pause_unheard"), gc.toString());
        long max = (Long) gc.get("max_pause_ns");
        assertTrue(max >= 0 && max % 1_000_000L == 0, gc.toString()); // whole ms, as the beans keep it
        assertTrue(max <= (Long) gc.get("pause_ns") + 1_000_000L * (Long) gc.get("collections"), gc.toString());
    }

    @Test
    void aRegionWithoutCollectionsHasNoLongestPause() {
        long[] now = MemoryProbe.gcCounters();
        assertEquals(0L, MemoryProbe.Pauses.longest(now, now).get("max_pause_ns"));
    }

    @Test
    void collectionsThatSentNoNotificationAreCountedAsUnheard() {
        long[] start = MemoryProbe.gcCounters();
        long[] end = start.clone();
        int bean = 0;
        while (!MemoryProbe.countsPauses(MemoryProbe.BEANS.get(bean))) bean++;
        end[2 * bean] += 1_000_000; // collections no JVM has made yet
        Map<String, Object> m = MemoryProbe.Pauses.longest(start, end, 10);
        assertEquals(1_000_000L, m.get("max_pause_unheard"));
    }

    @Test
    void theRunnerReportsTheLongestPause() throws Exception {
        JsonNode gc = RunnerTest.run("--workload", "normalize", "--variant", "scalar", "--size", "1000",
                "--warmup", "0", "--iterations", "2").json().get("extra").get("gc");
        assertTrue(gc.get("max_pause_ns").isIntegralNumber(), gc.toString());
    }
}
