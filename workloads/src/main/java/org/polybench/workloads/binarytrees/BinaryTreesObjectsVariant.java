package org.polybench.workloads.binarytrees;

import org.polybench.workloads.*;

import java.util.Map;

/**
 * {@code java/objects} (and its collector variants, which run this very class on another HotSpot
 * collector chosen by their JVM flags): a record per node, built and counted recursively; the tree
 * is garbage when the call returns, and the collector reclaims it whenever it runs.
 */
public final class BinaryTreesObjectsVariant implements Variant<BinaryTreesWorkload.Input, BinaryTreesWorkload.Counted> {
    @Override
    public BinaryTreesWorkload.Counted run(BinaryTreesWorkload.Input input) {
        long t0 = System.nanoTime();
        long n = BinaryTreesWorkload.count(BinaryTreesWorkload.make(input.depth));
        input.afterCall(System.nanoTime() - t0);
        return new BinaryTreesWorkload.Counted(n, input.longLivedNodes);
    }

    @Override
    public Map<String, Object> runtimeInfo() {
        return Map.of("node", "record Node(Node left, Node right)");
    }
}
