"""Workload ``binary-trees`` (docs/workloads.md): the Benchmarks Game's allocation benchmark.

``size`` is the tree **depth** d. Before the timed iterations a long-lived tree of depth d is built
and kept alive (the heap every collector has to live with); each iteration then builds one perfect
binary tree of depth d (2^(d+1) - 1 nodes), walks it to count its nodes, and drops it, all inside
the timed call (in CPython the tree is freed by reference counting when the call returns). After
the last iteration the long-lived tree is walked too. Checksum (``u64``): one iteration's node
count plus the long-lived tree's, ``2 * (2^(d+1) - 1)``.

``extra``: ``iteration_latency_ns`` (nearest-rank percentiles of the measured iterations),
``gc`` (CPython's collections and their pause time inside the measured iterations, from
``gc.callbacks``) and ``gc_per_iteration`` (collections in each measured iteration), ``nodes``.
"""

from __future__ import annotations

import gc
import time

from .measure import ChecksumMismatch, GcWatch, Measurement
from .tokenization import latency_percentiles
from .variants import BadInput, Row

CHECKSUM_KIND = "u64"
# Deep enough for every size the harness runs, small enough to stay far from 24 GB in any runner
# (a CPython node is ~100 bytes: depth 22 is two trees of 8.4M nodes, ~1.7 GB).
MAX_DEPTH = 22


class Node:
    """A tree node as a Python developer writes one: a plain class, two child references."""

    def __init__(self, left: Node | None = None, right: Node | None = None):
        self.left = left
        self.right = right


def make_tree(depth: int) -> Node:
    if depth == 0:
        return Node()
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count(node: Node) -> int:
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def iteration(depth: int) -> int:
    """The timed call: build a tree, count its nodes; the tree is dropped when this returns."""
    return count(make_tree(depth))


def check_depth(depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BadInput(f"--size {depth}: binary-trees' size is the tree depth, at most {MAX_DEPTH} "
                       f"(2^(d+1) - 1 nodes per tree); pass e.g. --size 16")


class BinaryTreesImpl:
    """CPython's runner calls ``measure_protocol`` (the loop below, with its per-iteration GC
    counts). A runner that times the kernel itself (python/graalpy, from Java) uses the ``Impl``
    interface of variants.py instead: ``prepare`` builds the long-lived tree and keeps it alive,
    ``kernel`` is one iteration, and ``checksum`` adds the long-lived tree's nodes, counted by a walk
    after each iteration (so also after the last one, as the spec asks)."""

    checksum_kind = CHECKSUM_KIND
    takes = "depth"
    threaded = False
    verify_inputs = None
    extra = None
    close = None
    kernel = staticmethod(iteration)

    def __init__(self) -> None:
        self._long_lived: Node | None = None

    def measure_protocol(self, args) -> Measurement:
        check_depth(args.size)
        return measure(args.size, args.warmup, args.iterations)

    def prepare(self, size: int, seed: int) -> tuple:
        check_depth(size)
        self._long_lived = make_tree(size)
        return (size,)

    def checksum(self, nodes: int) -> int:
        return nodes + count(self._long_lived)

    def runtime_info(self, threads: int) -> dict:
        return {"node": "plain class, two attributes (no __slots__)",
                "gc_thresholds": list(gc.get_threshold())}


def measure(depth: int, warmup: int, iterations: int) -> Measurement:
    pc = time.perf_counter_ns
    expected = None
    long_lived = make_tree(depth)
    watch = GcWatch()
    times: list[int] = []
    per_iteration_gc: list[int] = []
    gc.collect()
    gc.callbacks.append(watch)
    try:
        for i in range(warmup + iterations):
            if i == warmup:
                watch.reset()
            before = watch.collections
            t0 = pc()
            n = iteration(depth)
            t1 = pc()
            times.append(t1 - t0)
            if i >= warmup:
                per_iteration_gc.append(watch.collections - before)
            if expected is None:
                expected = n
            elif n != expected:
                raise ChecksumMismatch(f"iteration {i} counted {n} nodes, iteration 0 counted {expected}")
    finally:
        gc.callbacks.remove(watch)
    long_lived_nodes = count(long_lived)
    del long_lived
    extra = {
        "nodes": {"per_iteration": expected, "long_lived": long_lived_nodes},
        "iteration_latency_ns": latency_percentiles(times[warmup:]),
        "gc": watch.summary(),
        "gc_per_iteration": per_iteration_gc,
    }
    return Measurement(times[:warmup], times[warmup:], expected + long_lived_nodes, extra)


def _pure() -> BinaryTreesImpl:
    return BinaryTreesImpl()


VARIANTS: dict[str, Row] = {
    "pure": Row("naive", "plain class nodes built recursively, counted recursively, freed by reference counting when the call returns", _pure),
}
