package org.polybench.workloads;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory figures of the Java runner's {@code extra} (docs/runner-protocol.md): the collections
 * inside the measured calls ({@code gc}, from the GC MXBeans) and the allocation of one extra,
 * untimed call ({@code alloc_bytes_per_call}, from {@code com.sun.management.ThreadMXBean}: the
 * counter JMH's {@code gc.alloc.rate.norm} divides by the operations).
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static final List<GarbageCollectorMXBean> BEANS = List.copyOf(ManagementFactory.getGarbageCollectorMXBeans());

    /** What the allocation figures cover. */
    public static final String ALLOC_METHOD =
            "ThreadMXBean.getThreadAllocatedBytes of the calling thread over one untimed call (TLAB and outside-TLAB allocation; "
                    + "work a variant hands to other threads is not in it)";

    /**
     * Whether a bean counts stop-the-world work: every HotSpot bean does except ZGC's "... Cycles",
     * which count concurrent cycles whose pauses its "... Pauses" beans count again.
     */
    public static boolean countsPauses(GarbageCollectorMXBean bean) {
        return !bean.getName().endsWith("Cycles");
    }

    /** Every bean's collection count and accumulated time (ms), two longs per bean in {@link #BEANS} order. */
    public static long[] gcCounters() {
        long[] counts = new long[BEANS.size() * 2];
        for (int i = 0; i < BEANS.size(); i++) {
            counts[2 * i] = Math.max(0, BEANS.get(i).getCollectionCount());
            counts[2 * i + 1] = Math.max(0, BEANS.get(i).getCollectionTime());
        }
        return counts;
    }

    /**
     * {@code extra.gc} between two {@link #gcCounters} reads: {@code collections} (the beans that count
     * pauses), {@code pause_ns} (their accumulated time; the MXBeans keep it in whole ms, so a pause
     * under 1 ms may read 0), and {@code by_collector} (each bean's count and time in ms; for ZGC's
     * "... Cycles" that time is concurrent work, not a pause).
     */
    public static Map<String, Object> gcBetween(long[] start, long[] end) {
        Map<String, Object> beans = new LinkedHashMap<>();
        long collections = 0;
        long pauseMs = 0;
        for (int i = 0; i < BEANS.size(); i++) {
            long n = end[2 * i] - start[2 * i];
            long ms = end[2 * i + 1] - start[2 * i + 1];
            beans.put(BEANS.get(i).getName(), Map.of("collections", n, "time_ms", ms));
            if (countsPauses(BEANS.get(i))) {
                collections += n;
                pauseMs += ms;
            }
        }
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("collector", String.join(", ", beans.keySet()));
        gc.put("collections", collections);
        gc.put("pause_ns", pauseMs * 1_000_000L);
        gc.put("by_collector", beans);
        return gc;
    }

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    /** This thread's allocated bytes so far, or -1 where the JVM does not count them. */
    static long allocatedBytes() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Runs {@code call} once and returns its {@code extra} fields: {@code alloc_bytes_per_call}, or null
     * with {@code alloc_unavailable} on a JVM without the counter. The counter's own read allocates
     * nothing (measured by {@code MemoryProbeTest}).
     */
    public static Map<String, Object> allocation(Runnable call) {
        Map<String, Object> extra = new LinkedHashMap<>();
        long before = allocatedBytes();
        call.run();
        long after = allocatedBytes();
        if (before < 0 || after < 0) {
            extra.put("alloc_bytes_per_call", null);
            extra.put("alloc_unavailable", "this JVM has no com.sun.management.ThreadMXBean allocation counter");
        } else {
            extra.put("alloc_bytes_per_call", after - before);
        }
        extra.put("alloc_method", ALLOC_METHOD);
        return extra;
    }
}
