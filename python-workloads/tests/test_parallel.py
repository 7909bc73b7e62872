"""Workload ``parallel``: golden values of the spec, every variant at every
thread count against the reference, and the runner's JSON for it."""

import os

import pytest

from polybench import parallel
from polybench.variants import Unavailable
from polybench.workloads import WORKLOADS

MASK64 = (1 << 64) - 1
VARIANTS = list(parallel.VARIANTS)
SHADOW_NO_RS = {"polybench_rs.py": "raise ImportError('simulated: extension not built')\n"}
SHADOW_NO_NUMPY = {"numpy/__init__.py": "raise ImportError('simulated: numpy not installed')\n"}

# docs/workloads.md, `parallel`
GOLDEN = [
    (42, 0, 0),
    (42, 1, 10967530),
    (42, 1000, 8272071362),
    (7, 4097, 34524495589),
    (MASK64, 3, 17523307),
]


def test_registered():
    assert WORKLOADS["parallel"] is parallel.VARIANTS
    assert VARIANTS == ["threads", "threads-pool", "processes", "rust-ext-threads", "rust-ext-pool", "numpy-threads"]


def test_mix_golden():
    assert parallel.mix(0) == 0
    assert parallel.mix(0x9E3779B97F4A7C15) == 0xE220A8397B1DCDAF  # SplitMix64 seed 0, first output
    assert parallel.mix(42) == 0xA759EA27D4727622


@pytest.mark.parametrize("seed,size,want", GOLDEN)
def test_reference_golden(seed, size, want):
    assert parallel.reference(seed, size) == want


def test_reference_golden_million():
    assert parallel.chunk_sum_pure(42, 0, 1_000_000) == 8388861253563


@pytest.mark.parametrize("size", [0, 1, 2, 5, 10, 1001])
@pytest.mark.parametrize("threads", [1, 2, 3, 7])
def test_chunks_partition_the_range(size, threads):
    bounds = parallel.chunks(size, threads)
    assert len(bounds) == threads
    assert bounds[0][0] == 0 and bounds[-1][1] == size
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(lo <= hi for lo, hi in bounds)


@pytest.mark.parametrize("seed,size,want", GOLDEN)
def test_chunk_kernels_agree(seed, size, want):
    assert parallel.chunk_sum_pure(seed, 0, size) == want
    assert parallel.chunk_sum_numpy(seed, 0, size) == want
    assert parallel.chunk_sum_numpy(seed, 0, size, block=7) == want  # partial last block


def load(variant):
    try:
        return parallel.VARIANTS[variant]()
    except Unavailable as e:
        pytest.skip(str(e))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("seed,size,want", GOLDEN)
def test_every_variant_and_thread_count_gives_the_exact_sum(variant, threads, seed, size, want):
    impl = load(variant)
    inputs = impl.prepare(size, seed, threads)
    try:
        assert impl.checksum(impl.kernel(*inputs)) == want
        assert impl.checksum(impl.kernel(*inputs)) == want  # no state kept between calls
    finally:
        if impl.close is not None:
            impl.close(inputs)


def test_processes_report_pool_startup():
    impl = load("processes")
    inputs = impl.prepare(100, 1, 2)
    try:
        extra = impl.extra(inputs)
    finally:
        impl.close(inputs)
    assert type(extra["pool_startup_ns"]) is int and extra["pool_startup_ns"] > 0


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_thread_pool_has_every_worker_running_before_the_first_call(threads):
    pool = parallel.ThreadPool(threads)
    try:
        # the executor starts workers lazily: a pool made here must already hold all of them
        assert len(pool.executor._threads) == threads
        before = set(pool.executor._threads)
        assert parallel.in_pool(pool, parallel.chunk_sum_pure, 7, parallel.chunks(4097, threads)) == 34524495589
        assert set(pool.executor._threads) == before  # the call reused them, started none
    finally:
        pool.close()


def test_pool_errors_are_raised_not_summed():
    def boom(seed, lo, hi):
        if lo > 0:
            raise RuntimeError("boom in a pool worker")
        return 1

    pool = parallel.ThreadPool(2)
    try:
        with pytest.raises(RuntimeError, match="boom in a pool worker"):
            parallel.in_pool(pool, boom, 0, parallel.chunks(10, 2))
    finally:
        pool.close()


def test_thread_errors_are_raised_not_summed():
    def boom(seed, lo, hi):
        if lo > 0:
            raise RuntimeError("boom in a worker thread")
        return 1

    with pytest.raises(RuntimeError, match="boom in a worker thread"):
        parallel.in_threads(boom, 0, parallel.chunks(10, 2))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("threads", [1, 2])
def test_runner_json(runner, variant, threads):
    r = runner(["--workload", "parallel", "--variant", variant, "--size", 4097,
                "--warmup", 1, "--iterations", 2, "--seed", 7, "--threads", threads])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert (out["workload"], out["variant"], out["threads"]) == ("parallel", variant, threads)
    assert out["checksum"] == "34524495589"
    assert out["checksum_kind"] == "u64"
    assert out["extra"]["cpu_affinity"]
    assert type(out["runtime"]["gil_enabled"]) is bool
    assert type(out["runtime"]["free_threaded"]) is bool
    if variant in ("processes", "threads-pool", "rust-ext-pool"):
        assert out["extra"]["pool_startup_ns"] > 0
    else:
        assert "pool_startup_ns" not in out["extra"]


def test_runner_size_zero(runner):
    r = runner(["--workload", "parallel", "--variant", "threads", "--size", 0,
                "--warmup", 0, "--iterations", 1, "--threads", 2])
    assert r.returncode == 0, r.stderr
    assert r.json()["checksum"] == "0"


def test_missing_extension_exit_3(runner):
    r = runner(["--workload", "parallel", "--variant", "rust-ext-threads", "--size", 10], SHADOW_NO_RS)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert "polybench_rs" in r.stderr and "build it with ./bench build" in r.stderr


def test_numpy_missing_exit_3_and_pure_variants_still_run(runner):
    r = runner(["--workload", "parallel", "--variant", "numpy-threads", "--size", 10], SHADOW_NO_NUMPY)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert "NumPy is not importable" in r.stderr
    for variant in ("threads", "processes"):
        r = runner(["--workload", "parallel", "--variant", variant, "--size", 1000, "--seed", 42,
                    "--warmup", 0, "--iterations", 1, "--threads", 2], SHADOW_NO_NUMPY)
        assert r.returncode == 0, r.stderr
        assert r.json()["checksum"] == "8272071362"


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs procfs")
def test_cpu_affinity_matches_the_kernel():
    from polybench.runner import cpu_affinity

    want = sorted(os.sched_getaffinity(0))
    text = cpu_affinity()["cpu_affinity"]
    cpus = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        cpus += range(int(lo), int(hi or lo) + 1)
    assert cpus == want
