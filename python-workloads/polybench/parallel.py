"""Workload ``parallel`` (docs/workloads.md): sum over i in [0, size) of
``mix(seed + i) >> 40``, mod 2**64, split into ``threads`` contiguous chunks.

``mix`` is SplitMix64's output function. The answer is an exact integer that
does not depend on the number of threads (checksum_kind "u64").

Variants (all prepared with ``threads``; the timed call is one full sum):

* ``threads``: one ``threading.Thread`` per chunk running the pure-Python loop,
  started on each call (nothing is reused between calls). With the GIL only one
  of them runs bytecode at a time; on a free-threaded interpreter (``--python``
  a 3.13t+) they run in parallel.
* ``threads-pool``: the same loop on a ``concurrent.futures.ThreadPoolExecutor``
  of ``threads`` workers made, and its threads started, before timing; every
  call reuses them (what java/threads and rust/rayon do).
* ``processes``: a ``multiprocessing.Pool`` of ``threads`` workers, started
  before timing (its start-up is reported as ``extra.pool_startup_ns``); each
  call maps the chunks over it.
* ``rust-ext-threads``: Python threads, each calling our Rust chunk kernel,
  which releases the GIL while it runs; new threads on each call.
* ``rust-ext-pool``: the same kernel on a ``ThreadPoolExecutor`` started before
  timing, reused by every call.
* ``numpy-threads``: Python threads, each running vectorised uint64 NumPy over
  its chunk in blocks of ``BLOCK`` elements (NumPy's ufuncs release the GIL).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import threading
import time
from typing import Callable

from .variants import Impl, Loader, require_numpy, require_rs, Row

MASK64 = (1 << 64) - 1
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
SHIFT = 40
# Elements per NumPy block: bounds the temporaries (a few 512 KiB arrays per thread).
BLOCK = 1 << 16


def mix(v: int) -> int:
    """SplitMix64's output function on a 64-bit value."""
    z = v & MASK64
    z = ((z ^ (z >> 30)) * MIX1) & MASK64
    z = ((z ^ (z >> 27)) * MIX2) & MASK64
    return z ^ (z >> 31)


def reference(seed: int, size: int) -> int:
    """The spec written out, one element at a time: the tests' reference."""
    return sum(mix((seed + i) & MASK64) >> SHIFT for i in range(size)) & MASK64


def chunks(size: int, threads: int) -> list[tuple[int, int]]:
    """Chunk k of ``threads`` is [k*size//threads, (k+1)*size//threads)."""
    return [(k * size // threads, (k + 1) * size // threads) for k in range(threads)]


def chunk_sum_pure(seed: int, start: int, stop: int) -> int:
    """The pure-Python loop over one chunk, as a Python developer writes it."""
    s = 0
    for i in range(start, stop):
        z = (seed + i) & MASK64
        z = ((z ^ (z >> 30)) * MIX1) & MASK64
        z = ((z ^ (z >> 27)) * MIX2) & MASK64
        s += (z ^ (z >> 31)) >> SHIFT
    return s & MASK64


def chunk_sum_numpy(seed: int, start: int, stop: int, block: int = BLOCK) -> int:
    """The same sum, vectorised on uint64 arrays (which wrap mod 2**64) in blocks."""
    import numpy as np

    seed64 = np.uint64(seed & MASK64)
    m1, m2 = np.uint64(MIX1), np.uint64(MIX2)
    s30, s27, s31, s40 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(SHIFT)
    total = 0
    for lo in range(start, stop, block):
        z = np.arange(lo, min(lo + block, stop), dtype=np.uint64)
        z += seed64
        z ^= z >> s30
        z *= m1
        z ^= z >> s27
        z *= m2
        z ^= z >> s31
        z >>= s40
        # each term < 2**24, a block < 2**17 terms: the block sum cannot wrap
        total += int(z.sum(dtype=np.uint64))
    return total & MASK64


def in_threads(chunk_sum: Callable[[int, int, int], int], seed: int, bounds: list[tuple[int, int]]) -> int:
    """Runs ``chunk_sum`` for each chunk in its own new thread and adds the results.
    An exception in any thread is raised here, never turned into a wrong sum."""
    results: list[int | None] = [None] * len(bounds)
    errors: list[BaseException] = []

    def work(k: int, lo: int, hi: int) -> None:
        try:
            results[k] = chunk_sum(seed, lo, hi)
        except BaseException as e:  # re-raised in the caller
            errors.append(e)

    workers = [threading.Thread(target=work, args=(k, lo, hi)) for k, (lo, hi) in enumerate(bounds)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    if errors:
        raise errors[0]
    return sum(results) & MASK64  # type: ignore[arg-type]


class ThreadPool:
    """A ``ThreadPoolExecutor`` of ``threads`` workers whose threads are all running.

    The executor starts a worker thread only when a task is submitted and no idle
    worker is left, so a new executor would start its threads inside the first
    timed call. Here ``threads`` tasks that wait on one barrier are submitted
    first: each occupies a worker, so all ``threads`` workers exist and are idle
    when the constructor returns. ``startup_ns`` is what that cost.
    """

    def __init__(self, threads: int) -> None:
        t0 = time.perf_counter_ns()
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="polybench")
        barrier = threading.Barrier(threads + 1)
        started = [self.executor.submit(barrier.wait, 120) for _ in range(threads)]
        barrier.wait(timeout=120)
        for f in started:
            f.result()
        self.startup_ns = time.perf_counter_ns() - t0
        self.threads = threads

    def close(self) -> None:
        self.executor.shutdown(wait=True)


def in_pool(pool: ThreadPool, chunk_sum: Callable[[int, int, int], int], seed: int, bounds: list[tuple[int, int]]) -> int:
    """Runs ``chunk_sum`` for each chunk on the pool's running workers and adds the
    results; ``Future.result`` re-raises a worker's exception here."""
    futures = [pool.executor.submit(chunk_sum, seed, lo, hi) for lo, hi in bounds]
    return sum(f.result() for f in futures) & MASK64


def checksum(value: int) -> int:
    return int(value)


# -- python/processes ---------------------------------------------------------


def _chunk_task(job: tuple[int, int, int]) -> int:
    """One chunk in a pool worker (top level, so the pool can pickle it)."""
    return chunk_sum_pure(*job)


def _worker_ready(barrier) -> None:
    """Pool initializer: each worker waits here until all are up (see ``ProcessPool``)."""
    barrier.wait()


class ProcessPool:
    """A started pool of ``threads`` worker processes and what starting it cost.

    ``startup_ns`` covers creating the pool and waiting until every worker has
    started and run its initializer: a barrier of ``threads + 1`` parties that
    the workers and this process all reach.
    """

    def __init__(self, threads: int) -> None:
        ctx = multiprocessing.get_context()
        t0 = time.perf_counter_ns()
        barrier = ctx.Barrier(threads + 1)
        self.pool = ctx.Pool(threads, initializer=_worker_ready, initargs=(barrier,))
        barrier.wait(timeout=120)
        self.startup_ns = time.perf_counter_ns() - t0
        self.start_method = ctx.get_start_method()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def processes_sum(pool: ProcessPool, seed: int, bounds: list[tuple[int, int]]) -> int:
    jobs = [(seed, lo, hi) for lo, hi in bounds]
    return sum(pool.pool.map(_chunk_task, jobs, chunksize=1)) & MASK64


# -- variants -------------------------------------------------------------------


def _threaded(chunk_sum: Callable[[int, int, int], int]) -> Impl:
    def prepare(size: int, seed: int, threads: int) -> tuple:
        return chunk_sum, seed & MASK64, chunks(size, threads)

    return Impl(prepare, in_threads, checksum, "list", checksum_kind="u64", threaded=True)


def _pooled(chunk_sum: Callable[[int, int, int], int]) -> Impl:
    def prepare(size: int, seed: int, threads: int) -> tuple:
        return ThreadPool(threads), chunk_sum, seed & MASK64, chunks(size, threads)

    def extra(inputs: tuple) -> dict:
        pool = inputs[0]
        return {"pool_startup_ns": pool.startup_ns, "pool": f"concurrent.futures.ThreadPoolExecutor({pool.threads}), started before timing"}

    return Impl(
        prepare, in_pool, checksum, "list", checksum_kind="u64", threaded=True,
        extra=extra, close=lambda inputs: inputs[0].close(),
    )


def _threads() -> Impl:
    return _threaded(chunk_sum_pure)


def _threads_pool() -> Impl:
    return _pooled(chunk_sum_pure)


def _rust_ext_pool() -> Impl:
    rs = require_rs()
    return _pooled(rs.parallel_chunk)


def _processes() -> Impl:
    def prepare(size: int, seed: int, threads: int) -> tuple:
        return ProcessPool(threads), seed & MASK64, chunks(size, threads)

    def extra(inputs: tuple) -> dict:
        pool = inputs[0]
        return {"pool_startup_ns": pool.startup_ns, "pool_start_method": pool.start_method}

    return Impl(
        prepare, processes_sum, checksum, "list", checksum_kind="u64", threaded=True,
        extra=extra, close=lambda inputs: inputs[0].close(),
    )


def _rust_ext_threads() -> Impl:
    rs = require_rs()
    return _threaded(rs.parallel_chunk)


def _numpy_threads() -> Impl:
    require_numpy()
    return _threaded(chunk_sum_numpy)


VARIANTS: dict[str, Row] = {
    "threads": Row("naive", "new threading.Thread per chunk on every call (nothing reused), pure-Python loop; the GIL runs one at a time (free-threaded --python lifts it)", _threads),
    "threads-pool": Row("idiomatic", "reuses a ThreadPoolExecutor(T) started before timing, pure-Python loop per chunk; the GIL runs one at a time (free-threaded --python lifts it)", _threads_pool),
    "processes": Row("idiomatic", "reuses a multiprocessing.Pool of T processes started before timing, pure-Python loop per chunk; samples exclude the pool start-up (extra.pool_startup_ns)", _processes),
    "rust-ext-threads": Row("optimized", "new Python thread per chunk on every call, each calling our Rust chunk kernel, which releases the GIL (PyO3 py.detach)", _rust_ext_threads),
    "rust-ext-pool": Row("optimized", "reuses a ThreadPoolExecutor(T) started before timing, each worker calling our Rust chunk kernel, which releases the GIL", _rust_ext_pool),
    "numpy-threads": Row("idiomatic", "new Python thread per chunk on every call, each running uint64 NumPy over its chunk in 65,536-element blocks (ufuncs release the GIL)", _numpy_threads),
}
