"""The Python runner's memory figures (docs/runner-protocol.md, extra): tracemalloc's view of one
untimed call, gc.callbacks' collections in the measured iterations, the baseline VmHWM."""

import gc
import sys

import pytest

from polybench.measure import GcWatch, allocation, iterate


def test_allocation_sees_a_known_allocation():
    a = allocation(lambda n: bytearray(n), (1_000_000,))
    assert 1_000_000 <= a["alloc_peak_bytes"] < 1_000_000 + 4096
    # the output is still held when the call returns: retained; CPython has no running total
    assert 1_000_000 <= a["alloc_retained_bytes"] <= a["alloc_peak_bytes"]
    # the total: at least the bytes object's n data bytes, through CPython's allocators
    assert a["alloc_bytes_per_call"] >= 1_000_000
    assert a["alloc_by_allocator"]["cpython"] >= 1_000_000


# The counter's totals (polybench_rs.count_allocations). Expectations come from what CPython
# documents an object costs (sys.getsizeof: the object's own bytes), not from the counter.

def test_total_counts_objects_freed_before_the_call_returns():
    # n bytes objects made and dropped one by one: the peak stays at one object, the total must
    # hold all n (what tracemalloc alone cannot say). bytes, not floats: CPython keeps freed
    # floats on a free list and reuses them without asking an allocator, so a float loop
    # allocates next to nothing (and the total rightly says so)
    n = 20_000

    def churn(k):
        total = 0
        for i in range(k):
            total += len(bytes(200 + (i & 1)))
        return total

    a = allocation(churn, (n,))
    assert a["alloc_peak_bytes"] < 4096
    assert a["alloc_bytes_per_call"] >= n * sys.getsizeof(bytes(200))
    assert a["alloc_blocks_per_call"] >= n


def test_total_of_a_list_of_known_objects():
    n = 50_000
    a = allocation(lambda k: [bytes(100 + (i & 1)) for i in range(k)], (n,))
    # each bytes object of 100 or 101 bytes, plus one 8-byte slot per element in the list
    expected = n * sys.getsizeof(bytes(100)) + 8 * n
    assert a["alloc_bytes_per_call"] >= expected


def test_a_call_that_allocates_nothing_counts_about_nothing():
    x = 12345
    a = allocation(lambda: x, ())
    assert a["alloc_bytes_per_call"] is not None and a["alloc_bytes_per_call"] < 1024, a


def test_raw_requests_inside_pymalloc_are_not_counted_twice():
    # a 1 MB bytes object: pymalloc hands it to the raw domain; counted once, not twice
    a = allocation(lambda n: bytes(n), (1_000_000,))
    assert 1_000_000 <= a["alloc_bytes_per_call"] < 1_100_000, a


def test_total_counts_numpy_buffers_through_numpy_s_handler():
    np = pytest.importorskip("numpy")
    x = np.ones(100_000)
    before = np._core.multiarray.get_handler_name()
    # x * 2.0 allocates one new float64 buffer of 8 bytes per element; (x * 2.0).sum() drops it
    a = allocation(lambda v: float((v * 2.0).sum()), (x,))
    assert a["alloc_by_allocator"]["numpy"] >= 8 * 100_000
    assert a["alloc_bytes_per_call"] >= 8 * 100_000
    assert not any("not NumPy" in c for c in a["alloc_counted_by"])
    # the handler is NumPy's own again afterwards, and arrays made in the call free normally
    assert np._core.multiarray.get_handler_name() == before


def test_total_counts_the_rust_extensions_own_allocations():
    rs = pytest.importorskip("polybench_rs")
    n = 10_000
    a_list, b_list = [1.0] * n, [2.0] * n
    a = allocation(rs.dot_list, (a_list, b_list))
    # rust-ext converts both lists into Vec<f64>: 8 bytes per element each, in Rust's allocator
    assert a["alloc_by_allocator"]["rust_ext"] >= 2 * 8 * n


def test_without_the_extension_the_total_is_null_with_the_reason(monkeypatch):
    import polybench.measure as measure

    monkeypatch.setattr(measure, "alloc_counter", lambda: (None, "the Rust extension polybench_rs is gone"))
    a = measure.allocation(lambda n: bytearray(n), (1000,))
    assert a["alloc_bytes_per_call"] is None and a["alloc_blocks_per_call"] is None
    assert "polybench_rs" in a["alloc_unavailable"]
    assert a["alloc_peak_bytes"] >= 1000  # tracemalloc still answers


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
    if workload == "normalize" and variant == "pure":
        # its output list: n new float objects and n slots (dot's products reuse freed floats)
        assert extra["alloc_bytes_per_call"] >= n * (sys.getsizeof(1.5) + 8), extra
    assert extra["alloc_counted_by"] and extra["alloc_not_counted"]


@pytest.mark.parametrize("threads", [1, 2])
def test_thread_sweep_counts_the_total_at_every_count_without_tracemalloc(runner, threads):
    r = runner(["--workload", "parallel", "--variant", "threads", "--size", 20_000, "--threads", threads,
                "--warmup", 1, "--iterations", 2])
    assert r.returncode == 0, r.stderr
    extra = r.json()["extra"]
    # every call of the pure-Python loop makes new int objects: a total above zero at every count
    assert extra["alloc_bytes_per_call"] > 0, extra
    assert extra["alloc_peak_bytes"] is None and extra["alloc_retained_bytes"] is None
    assert "thread sweep" in extra["alloc_peak_unavailable"]


def _runner(*flags):
    import json
    import subprocess
    from pathlib import Path

    p = subprocess.run([sys.executable, "-m", "polybench.runner", "--workload", "normalize", "--variant", "pure",
                        "--size", "200000", "--warmup", "1", "--iterations", "2", *flags],
                       cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_no_alloc_peak_skips_tracemalloc_says_why_and_still_counts_the_total():
    traced, untraced = _runner(), _runner("--no-alloc-peak")
    # normalize's output: a list of 200,000 new floats, 24 bytes each plus the list's pointers
    assert traced["extra"]["alloc_peak_bytes"] >= 200_000 * (24 + 8)
    assert untraced["extra"]["alloc_peak_bytes"] is None and untraced["extra"]["alloc_retained_bytes"] is None
    assert "--no-alloc-peak" in untraced["extra"]["alloc_peak_unavailable"]
    assert untraced["extra"]["alloc_bytes_per_call"] >= 200_000 * 24
    assert untraced["checksum"] == traced["checksum"]


def test_peak_rss_is_read_before_tracemalloc_tables_grow():
    # tracemalloc keeps a trace per live block (the 200,000 floats of the output): reading VmHWM
    # after the traced call put those tables in the workload's peak; the traced and the untraced
    # process hold the same input and outputs, so their peaks are within a few MB, not ~20 MB apart
    traced, untraced = _runner(), _runner("--no-alloc-peak")
    assert abs(traced["peak_rss_bytes"] - untraced["peak_rss_bytes"]) < 5 * 1024 * 1024, (
        traced["peak_rss_bytes"], untraced["peak_rss_bytes"])


def test_measure_reads_the_peak_just_before_the_allocation_call():
    from polybench.measure import measure
    from polybench.variants import Impl

    events = []
    impl = Impl(prepare=lambda size, seed: (size,), kernel=lambda n: events.append("call") or 1,
                checksum=lambda out: out, takes="list")
    m = measure(impl, 3, 0, warmup=1, iterations=2, peak_rss=lambda: events.append("rss") or 4096)
    assert m.peak_rss_bytes == 4096
    assert events == ["call"] * 3 + ["rss", "call"], "warm-up and measured calls, the read, then the allocation call"
