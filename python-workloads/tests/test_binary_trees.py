"""binary-trees against its spec: a perfect tree of depth d has 2^(d+1) - 1 nodes, and the
checksum is one iteration's tree plus the long-lived one (docs/workloads.md)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from polybench import binary_trees
from polybench.measure import ChecksumMismatch

ROOT = Path(__file__).resolve().parents[1]


def nodes(d: int) -> int:
    return 2 ** (d + 1) - 1


@pytest.mark.parametrize("d", [0, 1, 2, 5, 10])
def test_tree_of_depth_d_is_perfect(d):
    t = binary_trees.make_tree(d)

    def shape(node, depth):
        # every leaf at depth d, every inner node with two children
        if node.left is None:
            assert node.right is None and depth == d
            return 1
        assert node.right is not None
        return 1 + shape(node.left, depth + 1) + shape(node.right, depth + 1)

    assert shape(t, 0) == nodes(d)
    assert binary_trees.count(t) == nodes(d)
    assert binary_trees.iteration(d) == nodes(d)


def test_nodes_are_distinct_objects():
    t = binary_trees.make_tree(3)
    seen = set()

    def walk(n):
        seen.add(id(n))
        if n.left is not None:
            walk(n.left)
            walk(n.right)

    walk(t)
    assert len(seen) == nodes(3)


@pytest.mark.parametrize("d", [0, 4, 9])
def test_measure_checksum_and_extra(d):
    m = binary_trees.measure(d, warmup=2, iterations=5)
    assert m.checksum == 2 * nodes(d)
    assert len(m.warmup_ns) == 2 and len(m.samples_ns) == 5
    assert m.extra["nodes"] == {"per_iteration": nodes(d), "long_lived": nodes(d)}
    lat = m.extra["iteration_latency_ns"]
    assert lat["count"] == 5 and lat["max"] == max(m.samples_ns) and lat["p50"] == sorted(m.samples_ns)[2]
    assert len(m.extra["gc_per_iteration"]) == 5
    assert m.extra["gc"]["collections"] >= sum(m.extra["gc_per_iteration"])


def test_collections_are_counted():
    # depth 12: 8191 tracked objects per tree, far past generation 0's threshold (700 by default)
    m = binary_trees.measure(12, warmup=0, iterations=3)
    assert m.extra["gc"]["collections"] > 0 and m.extra["gc"]["pause_ns"] > 0


def test_iterations_that_disagree_fail(monkeypatch):
    counts = iter([7, 7, 8])
    monkeypatch.setattr(binary_trees, "iteration", lambda d: next(counts))
    with pytest.raises(ChecksumMismatch):
        binary_trees.measure(2, warmup=1, iterations=2)


def test_runner_protocol_end_to_end():
    p = subprocess.run([sys.executable, "-m", "polybench.runner", "--workload", "binary-trees", "--variant", "pure",
                        "--size", "8", "--warmup", "1", "--iterations", "3"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    j = json.loads(p.stdout)
    assert j["checksum"] == str(2 * nodes(8)) and j["checksum_kind"] == "u64"
    assert len(j["samples_ns"]) == 3
    assert "iteration_latency_ns" in j["extra"] and "gc" in j["extra"]


def test_too_deep_is_exit_2():
    p = subprocess.run([sys.executable, "-m", "polybench.runner", "--workload", "binary-trees", "--variant", "pure",
                        "--size", "40"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "--size 40" in p.stderr and p.stdout == ""


def test_the_impl_interface_for_runners_timing_the_kernel_gives_the_specs_checksum():
    # docs/workloads.md#binary-trees: one iteration's nodes plus the long-lived tree's, 2 * (2^(d+1) - 1)
    impl = binary_trees.VARIANTS["pure"]()
    inputs = impl.prepare(5, 42)
    assert inputs == (5,)
    assert impl.checksum(impl.kernel(*inputs)) == 2 * (2 ** 6 - 1)
    assert impl.checksum(impl.kernel(0)) == 1 + 63  # the long-lived tree stays the depth-5 one
    from polybench.variants import BadInput
    with pytest.raises(BadInput, match="at most 22"):
        impl.prepare(23, 42)
