"""The Python runner's memory figures (docs/runner-protocol.md, extra): tracemalloc's view of one
untimed call, gc.callbacks' collections in the measured iterations, the baseline VmHWM."""

import gc

import pytest

from polybench.measure import GcWatch, allocation, iterate


def test_allocation_sees_a_known_allocation():
    a = allocation(lambda n: bytearray(n), (1_000_000,))
    assert 1_000_000 <= a["alloc_peak_bytes"] < 1_000_000 + 4096
    # the output is still held when the call returns: retained; CPython has no running total
    assert 1_000_000 <= a["alloc_retained_bytes"] <= a["alloc_peak_bytes"]
    assert a["alloc_bytes_per_call"] is None and "tracemalloc" in a["alloc_unavailable"]


def test_allocation_peak_counts_temporaries_that_are_freed_before_return():
    def temp(n):
        b = bytearray(n)
        return len(b)

    a = allocation(temp, (2_000_000,))
    assert a["alloc_peak_bytes"] >= 2_000_000
    assert a["alloc_retained_bytes"] < 1024


def test_allocation_sees_numpy_buffers():
    np = pytest.importorskip("numpy")
    x = np.ones(100_000)
    a = allocation(lambda v: v * 2.0, (x,))
    assert a["alloc_peak_bytes"] >= 800_000


def test_gc_counts_the_measured_iterations_collections_only():
    # each call forces one full collection: 3 warm-up + 4 measured calls, 4 counted
    loop = iterate(lambda: gc.collect(), (), warmup=3, iterations=4, digest=lambda out: 0)
    assert loop.gc["collections"] == 4
    assert loop.gc["by_generation"] == [0, 0, 4]
    assert loop.gc["pause_ns"] > 0 and loop.gc["max_pause_ns"] <= loop.gc["pause_ns"]


def test_gc_watch_is_removed_after_the_loop():
    before = list(gc.callbacks)
    iterate(lambda: None, (), warmup=0, iterations=1, digest=lambda out: 0)
    assert gc.callbacks == before
    assert not any(isinstance(c, GcWatch) for c in gc.callbacks)


@pytest.mark.parametrize("workload,variant", [("dot", "pure"), ("normalize", "pure"), ("normalize", "numpy")])
def test_runner_reports_allocation_gc_and_baseline(runner, workload, variant):
    n = 100_000
    r = runner(["--workload", workload, "--variant", variant, "--size", n, "--warmup", 1, "--iterations", 2])
    assert r.returncode == 0, r.stderr
    out = r.json()
    extra = out["extra"]
    assert isinstance(extra["gc"]["collections"], int) and len(extra["gc"]["by_generation"]) == 3
    assert extra["baseline_rss_bytes"] > 0
    # the inputs (8 bytes per element at least) are in the peak, not in the baseline
    assert out["peak_rss_bytes"] - extra["baseline_rss_bytes"] >= 8 * n
    if workload == "normalize":
        # its output: n floats (list of float objects or one float64 buffer), 8 bytes each at least
        assert extra["alloc_retained_bytes"] >= 8 * n
    else:
        assert extra["alloc_retained_bytes"] < 1024  # one float
