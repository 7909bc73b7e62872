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
 * counter JMH's {@code gc.alloc.rate.norm} divides by the operations), and the longest single pause
 * ({@code gc.max_pause_ns}, from the beans' collection notifications).
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

    private static final java.util.concurrent.atomic.AtomicLong READS = new java.util.concurrent.atomic.AtomicLong();

    /** How many {@link #gcCounters} reads this JVM has made (tests check when the first one happens). */
    static long reads() {
        return READS.get();
    }

    /**
     * Loads what the probe's reads need (the management beans, the pause listener) ahead of the
     * warm-up. Left to the first measured sample, that class loading deoptimised the compiled loop:
     * java/vector dot at 1e6 measured 1.08 ms against JMH's 353 us, its samples falling from 1.4 ms
     * back to 0.45 ms while measured. Every runner loop calls this before its first warm-up call.
     */
    public static void loadBeforeTiming() {
        gcCounters();
    }

    /** Every bean's collection count and accumulated time (ms), two longs per bean in {@link #BEANS} order. */
    public static long[] gcCounters() {
        READS.incrementAndGet();
        Pauses.start(); // listening before the first read, so the collections after it are heard of
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
     * under 1 ms may read 0), {@code max_pause_ns} (the longest of those collections, {@link Pauses}, whole
     * ms likewise), and {@code by_collector} (each bean's count and time in ms; for ZGC's
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
        gc.putAll(Pauses.longest(start, end));
        gc.put("by_collector", beans);
        return gc;
    }

    /**
     * The longest single pause between two {@link #gcCounters} reads, from the beans' collection
     * notifications ({@code com.sun.management.GarbageCollectionNotificationInfo}: each collection's
     * {@code GcInfo}, whose id is the bean's collection number and whose duration is whole ms). The
     * JVM sends them from its service thread after each collection, so {@link #longest} waits (at most
     * {@link #WAIT_MS}) until every collection up to the end read has been heard of.
     */
    static final class Pauses {
        static final long WAIT_MS = 2_000;
        /** per bean (in {@link #BEANS} order): collection id -> duration in ms */
        private static final List<Map<Long, Long>> HEARD = listen();

        private static List<Map<Long, Long>> listen() {
            List<Map<Long, Long>> heard = new java.util.ArrayList<>();
            for (GarbageCollectorMXBean bean : BEANS) {
                Map<Long, Long> durations = new java.util.concurrent.ConcurrentHashMap<>();
                heard.add(durations);
                if (!(bean instanceof javax.management.NotificationEmitter emitter)) continue;
                emitter.addNotificationListener((n, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    durations.put(info.getGcInfo().getId(), info.getGcInfo().getDuration());
                }, null, null);
            }
            return heard;
        }

        /** Starts listening (call before the first {@link #gcCounters} read whose pauses matter). */
        static void start() {
            HEARD.size();
        }

        /**
         * {@code max_pause_ns} (the longest pause of a pause-counting bean with a collection number in
         * (start, end]; 0 when there was none), and {@code max_pause_unheard} when some of those
         * collections sent no notification within {@link #WAIT_MS} (then the maximum is of the others).
         */
        static Map<String, Object> longest(long[] start, long[] end) {
            return longest(start, end, WAIT_MS);
        }

        static Map<String, Object> longest(long[] start, long[] end, long waitMs) {
            long deadline = System.nanoTime() + waitMs * 1_000_000L;
            long unheard;
            long maxMs;
            while (true) {
                unheard = 0;
                maxMs = 0;
                for (int i = 0; i < BEANS.size(); i++) {
                    if (!countsPauses(BEANS.get(i))) continue;
                    for (long id = start[2 * i] + 1; id <= end[2 * i]; id++) {
                        Long ms = HEARD.get(i).get(id);
                        if (ms == null) unheard++;
                        else maxMs = Math.max(maxMs, ms);
                    }
                }
                if (unheard == 0 || System.nanoTime() > deadline) break;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("max_pause_ns", maxMs * 1_000_000L);
            if (unheard > 0) m.put("max_pause_unheard", unheard);
            return m;
        }
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
