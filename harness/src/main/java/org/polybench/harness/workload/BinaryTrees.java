package org.polybench.harness.workload;

import java.math.BigInteger;
import java.util.List;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;

/**
 * {@code binary-trees}: the Benchmarks Game's allocation benchmark (docs/workloads.md). {@code size}
 * is the tree depth d. A long-lived tree of depth d stays alive through the run; each iteration
 * builds a perfect binary tree of depth d, walks it to count its nodes and drops it. The checksum is
 * one iteration's node count plus the long-lived tree's, exact ({@code u64}).
 *
 * <p>The reference is the formula, not a tree: a perfect binary tree of depth d has 2^(d+1) - 1
 * nodes, so the answer is 2 * (2^(d+1) - 1). Computed with BigInteger so that no depth, however
 * large, could wrap into a plausible number.
 */
public final class BinaryTrees implements Workload {
  @Override
  public String name() {
    return "binary-trees";
  }

  @Override
  public String description() {
    return "allocation: build a perfect binary tree of depth `size`, count its nodes, drop it (a long-lived tree stays)";
  }

  @Override
  public String sizeUnit() {
    return "depth";
  }

  /** "depth 16", not "16 depth". */
  @Override
  public String sizePhrase(String size) {
    return "depth " + size;
  }

  /**
   * Memory per node: at the peak both trees are alive (the long-lived one and an iteration's), 2 *
   * (2^(d+1) - 1) nodes; per unit of depth would mean nothing.
   */
  @Override
  public double elements(long size) {
    return nodes(size).shiftLeft(1).doubleValue();
  }

  @Override
  public String elementName() {
    return "node";
  }

  @Override
  public String elementsDescription() {
    return "the nodes of both trees alive at the peak, 2 × (2^(d+1) − 1)";
  }

  /** Depth is an exponent: 10, 13, 16 (or quick's 12, 16) on a log axis bunch up and read as decades they are not. */
  @Override
  public boolean logSizeAxis() {
    return false;
  }

  @Override
  public List<Long> defaultSizes() {
    return List.of(10L, 12L, 14L, 16L, 18L);
  }

  @Override
  public List<Long> quickSizes() {
    return List.of(12L, 16L);
  }

  /**
   * The JIT runners' warm-up in units of size (depth): with the minimum of 50 calls this gives 50 to
   * 100 warm-up trees, hundreds of thousands of recursive calls, past HotSpot's C2 thresholds; the
   * run's 1e8 would mean 5000 trees per cell.
   */
  @Override
  public long warmupWork() {
    return 1_000L;
  }

  /**
   * Times, the per-iteration latency percentiles beside the collections, memory (the runners'
   * own extra.iteration_latency_ns and gc_per_iteration stay in results.json).
   */
  @Override
  public List<Section> sections() {
    return List.of(Section.TIMES, Section.LATENCY, Section.MEMORY);
  }

  @Override
  public Reference reference(long size, long seed, java.nio.file.Path input) {
    return new Reference(nodes(size).shiftLeft(1).toString(), ChecksumKind.U64);
  }

  /** Nodes of a perfect binary tree of depth d: 1 + 2 + 4 + ... + 2^d = 2^(d+1) - 1. */
  static BigInteger nodes(long depth) {
    return BigInteger.ONE.shiftLeft(Math.toIntExact(depth + 1)).subtract(BigInteger.ONE);
  }
}
