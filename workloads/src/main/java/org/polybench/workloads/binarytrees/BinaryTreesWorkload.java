package org.polybench.workloads.binarytrees;

import org.polybench.workloads.tokenize.TokenizeWorkload;

import org.polybench.workloads.*;

import java.lang.management.GarbageCollectorMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code binary-trees} (docs/workloads.md): the Benchmarks Game's allocation benchmark. {@code size}
 * is the tree depth d; a perfect tree of depth d has 2^(d+1) - 1 nodes. {@link #prepare} builds the
 * long-lived tree (alive across every call, so the collector has a live heap to trace); each timed
 * call builds one tree of depth d, walks it to count its nodes and drops it. Checksum ({@code u64}):
 * one call's count plus the long-lived tree's (walked before the first call and again after the last).
 *
 * <p>{@code extra.gc} (the collections during the measured calls, every Java workload's) comes from
 * the runner's loop ({@link MemoryProbe#gcBetween}); {@code extra.gc_per_iteration}: those collections completed during each measured
 * call. The counters are read at the end of every call, after the tree is dropped: inside the
 * timed call, a few hundred ns (two to four MXBean reads).
 */
public final class BinaryTreesWorkload implements Workload<BinaryTreesWorkload.Input, BinaryTreesWorkload.Counted> {

    /** Long calls with per-call figures: one call per sample. */
    @Override
    public boolean batched() {
        return false;
    }


    /** The deepest tree accepted: two trees of 8.4M nodes, a few hundred MB of objects. */
    public static final int MAX_DEPTH = 22;

    /** A node: two references, nothing else (what a Java developer writes). */
    record Node(Node left, Node right) {}

    /** One call's answer: its tree's node count, and the long-lived tree's. */
    public record Counted(long nodes, long longLivedNodes) {}

    /** The depth, the long-lived tree, and the collector counters after each call. */
    public static final class Input {
        final int depth;
        final long longLivedNodes;
        private Node longLived;
        private final long[] atStart = MemoryProbe.gcCounters();
        private final List<long[]> afterCall = new ArrayList<>();

        Input(int depth, Node longLived) {
            this.depth = depth;
            this.longLived = longLived;
            this.longLivedNodes = count(longLived);
        }

        private final List<Long> latencies = new ArrayList<>();

        /**
         * The variant calls this at the end of each call with the time of its work (build, walk,
         * drop: its own two clock reads): the collections so far, per bean, are read after it.
         */
        void afterCall(long workNs) {
            latencies.add(workNs);
            long[] counts = MemoryProbe.gcCounters();
            afterCall.add(counts);
        }
    }

    private static final List<GarbageCollectorMXBean> BEANS = MemoryProbe.BEANS;

    @Override
    public String name() {
        return "binary-trees";
    }

    @Override
    public Input prepare(InputSpec spec) {
        if (spec.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("--size " + spec.size() + ": binary-trees' size is the tree depth, at most "
                    + MAX_DEPTH + " (2^(d+1) - 1 nodes per tree); pass e.g. --size 16");
        }
        return new Input(spec.size(), make(spec.size()));
    }

    static Node make(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(make(depth - 1), make(depth - 1));
    }

    static long count(Node node) {
        return node.left() == null ? 1 : 1 + count(node.left()) + count(node.right());
    }

    /** The spec's node count of a perfect tree of depth d. */
    public static long nodes(int depth) {
        return (1L << (depth + 1)) - 1;
    }

    @Override
    public double checksum(Counted output) {
        return output.nodes() + output.longLivedNodes();
    }

    @Override
    public String checksumText(Counted output) {
        return Long.toString(output.nodes() + output.longLivedNodes());
    }

    @Override
    public String checksumKind() {
        return "u64";
    }

    @Override
    public Map<String, Object> extra(Input input, Variant<Input, Counted> kernel, int warmup) {
        long longLived = count(input.longLived);
        input.longLived = null;
        if (longLived != input.longLivedNodes) {
            throw new IllegalStateException("the long-lived tree had " + input.longLivedNodes + " nodes and now has " + longLived);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("nodes", Map.of("per_iteration", nodes(input.depth), "long_lived", longLived));
        List<long[]> after = input.afterCall;
        long[] start = warmup == 0 ? input.atStart : after.get(warmup - 1);
        long[] measured = input.latencies.subList(warmup, input.latencies.size()).stream().mapToLong(Long::longValue).toArray();
        extra.put("iteration_latency_ns", TokenizeWorkload.percentiles(measured));
        List<Long> perIteration = new ArrayList<>();
        long[] prev = start;
        for (int c = warmup; c < after.size(); c++) {
            long n = 0;
            for (int i = 0; i < BEANS.size(); i++) {
                if (MemoryProbe.countsPauses(BEANS.get(i))) n += after.get(c)[2 * i] - prev[2 * i];
            }
            perIteration.add(n);
            prev = after.get(c);
        }
        // extra.gc (the measured calls' collections) comes from the runner's loop (MemoryProbe)
        extra.put("gc_per_iteration", perIteration);
        return extra;
    }
}
