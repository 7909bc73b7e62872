"""The measured loop of the runner protocol (docs/runner-protocol.md), the only one of
the Python runner (:func:`iterate`; tokenize's per-document timing is a mode of it).

Inputs are made before timing; each iteration times only the kernel call with
time.perf_counter_ns; its checksum is computed after the timer stops and the
output is dropped before the next call (so two outputs never coexist in RSS).
Iterations must agree exactly, as in the Rust and Java runners: the kernel and
its input are the same, so any difference is a bug (state kept between calls,
an unordered reduction), not rounding.
"""

from __future__ import annotations

import gc
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .variants import Impl



class ChecksumMismatch(Exception):
    """Two iterations of the same kernel on the same inputs disagree."""


@dataclass
class Measurement:
    warmup_ns: list[int]
    samples_ns: list[int]
    checksum: float
    extra: dict = field(default_factory=dict)
    # checksums of the workload's verification inputs (dot), after the seeded one
    verify: list = field(default_factory=list)
    # the runner's VmHWM just before the allocation call (measure's ``peak_rss``), else None
    peak_rss_bytes: int | None = None


def format_checksum(value, kind: str) -> str:
    """float: the shortest round-trip repr; the exact kinds: as they are (u64 in decimal)."""
    return repr(float(value)) if kind == "float" else str(value)


def checksum_text(m: Measurement, kind: str) -> str:
    """The protocol's checksum string: the seeded input's checksum, then those of the
    verification inputs, separated by a space (docs/workloads.md#dot)."""
    return " ".join(format_checksum(v, kind) for v in [m.checksum, *m.verify])


def verify_checksums(impl: Impl, size: int) -> list:
    """Runs the kernel once, untimed, on each verification input of the workload, before the
    seeded input is made: its memory is free again before the measured calls."""
    if impl.verify_inputs is None:
        return []
    inputs = impl.verify_inputs(size)
    value = impl.checksum(impl.kernel(*inputs))
    del inputs
    return [value]


def measure(
    impl: Impl, size: int, seed: int, warmup: int, iterations: int, threads: int = 1,
    warmup_time_ns: int = 0, clock: ClockInfo | None = None, alloc_peak: bool = True,
    peak_rss: Callable[[], int | None] | None = None,
) -> Measurement:
    """Prepares the inputs, runs the iterations, makes one more untimed call under tracemalloc
    and the allocation counter (:func:`allocation`), then releases what ``prepare`` started (``impl.close``);
    ``Measurement.extra`` holds the collections of the measured iterations (``gc``), the
    allocation figures, the calibration (``calls_per_sample``, ``sample_target_ns``) and
    ``impl.extra(inputs)``. With ``clock`` the samples are calibrated to
    :func:`sample_target_ns`; without (``--no-calibration``) every sample is one call; threaded
    variants (parallel) are never batched.

    ``alloc_peak`` false: the allocation call runs under the counter alone (``--no-alloc-peak``:
    the harness traces a cell's first process only; tracemalloc made python/loop's call at 1e6
    3.8 s instead of 0.13). ``peak_rss`` (the runner's VmHWM reader) is read just before the
    allocation call, into ``Measurement.peak_rss_bytes``: tracemalloc's own tables, about 50 bytes
    per live block (tens of MB at 1e6), are the tool's memory, not the workload's."""
    verify = verify_checksums(impl, size)
    inputs = impl.prepare(size, seed, threads) if impl.threaded else impl.prepare(size, seed)
    target = 0 if clock is None or impl.threaded else sample_target_ns(clock)
    try:
        # the loop's own untimed check call is left out: the allocation call below is that call,
        # its output digested after tracemalloc stopped (one call fewer per process: 0.1-0.2 s at 1e6)
        loop = iterate(impl.kernel, inputs, warmup, iterations, impl.checksum,
                       warmup_time_ns=warmup_time_ns, target_ns=target, final_check=False)
        m = Measurement(loop.warmup_ns, loop.samples_ns, loop.last_digest)
        m.verify = verify
        outputs = []
        # tracemalloc slows a pure-Python thread loop about 20x (3.3 s for one 0.17 s call at
        # 350,000 elements, ~8 s of --quick): the thread sweep gets the total, not the peak
        m.peak_rss_bytes = peak_rss() if peak_rss is not None else None
        alloc = allocation(impl.kernel, inputs, peak=alloc_peak and not impl.threaded, keep=outputs,
                           why_not=THREAD_SWEEP_NO_PEAK if impl.threaded else LATER_PROCESS_NO_PEAK)
        again = impl.checksum(outputs.pop())
        if not agree(loop.last_digest, again, impl.checksum_kind):
            raise ChecksumMismatch(f"the untimed allocation-counting call after the measured ones gave checksum "
                                   f"{again!r}, which disagrees with the measured ones' {loop.last_digest!r}: "
                                   "the kernel is not deterministic")
        m.extra = {"gc": loop.gc, **alloc, **calibration_extra(loop, target)}
        if impl.extra is not None:
            m.extra.update(impl.extra(inputs))
        return m
    finally:
        if impl.close is not None:
            impl.close(inputs)


def calibration_extra(loop: "Loop", target_ns: int) -> dict:
    """The protocol's calibration fields of ``extra`` (docs/runner-protocol.md)."""
    return {"calls_per_sample": loop.calls_per_sample, "sample_target_ns": target_ns or None,
            "warmup_elapsed_ns": loop.warmup_elapsed_ns}


def agree(a, b, kind: str = "float") -> bool:
    """Whether two iterations agree: exactly, for every kind (see the module's docstring).
    The GraalPy runner applies the same rule through this function."""
    return a == b


#: what tracemalloc's figures (peak, retained) cover
TRACEMALLOC_SCOPE = ("tracemalloc: CPython's allocators and NumPy's buffers; not memory a native "
                     "extension (polybench_rs) allocates with its own allocator")

#: what polybench_rs.count_allocations counts, per family (docs/runner-protocol.md)
COUNTED_BY = {
    "cpython": "CPython's PyMem raw, mem and object domains (PyMem_SetAllocator hooks)",
    "numpy": "NumPy's array data (a NEP 49 PyDataMem_Handler wrapping the current one)",
    "rust_ext": "polybench_rs's own Rust allocations (its counting #[global_allocator])",
}
#: what no counter sees, said in every result that has a total
NOT_COUNTED = ("other native libraries' malloc/mmap (BLAS work buffers, the tokenizers library), "
               "other processes (python/processes workers), and frees (a total, not a balance)")


def alloc_counter():
    """``(count_allocations, None)`` from the Rust extension, or ``(None, reason)``. The runner
    calls this before it reads its baseline, so importing the extension is in the baseline."""
    try:
        import polybench_rs
    except ImportError as e:
        return None, (f"the Rust extension polybench_rs, which counts CPython's allocations, is not "
                      f"importable ({e}); build it with ./bench build")
    count = getattr(polybench_rs, "count_allocations", None)
    if count is None or not hasattr(polybench_rs, "allocation_counts"):
        return None, ("the Rust extension polybench_rs has no count_allocations (built before it "
                      "was added); rebuild it with ./bench build")
    return count, None


#: alloc_peak_unavailable of the thread sweep's cells
THREAD_SWEEP_NO_PEAK = ("tracemalloc not run in the thread sweep: it slows pure-Python threads "
                        "about 20x (seconds per call); the total is counted")
#: alloc_peak_unavailable of a cell's later processes (--no-alloc-peak)
LATER_PROCESS_NO_PEAK = ("tracemalloc not run in this process (--no-alloc-peak): the harness traces a cell's "
                         "first process only, the figures are the same call's; the total is counted")


def allocation(kernel, inputs: tuple, peak: bool = True, keep: list | None = None,
               why_not: str = THREAD_SWEEP_NO_PEAK) -> dict:
    """One extra call of ``kernel(*inputs)`` after the measured ones, untimed, under tracemalloc
    and the Rust extension's allocation counter (:func:`alloc_counter`); with ``peak`` false,
    under the counter alone (tracemalloc's figures null, ``alloc_peak_unavailable`` says why: the
    thread sweep's cells, where tracemalloc costs seconds per call).

    ``alloc_bytes_per_call``/``alloc_blocks_per_call``: every byte the call asked CPython's
    allocators, NumPy's data handler and polybench_rs's Rust code for, freed or not, split by
    family in ``alloc_by_allocator`` (what is counted: ``alloc_counted_by``, what not:
    ``alloc_not_counted``); null with ``alloc_unavailable`` when the extension is missing.
    ``alloc_peak_bytes``: the most the call held at once above what was held before it (its
    temporaries and its output); ``alloc_retained_bytes``: what it still held when it returned
    (its output); both from tracemalloc. With ``keep``, the call's output is appended to it once
    the figures are read and tracemalloc has stopped (the caller digests it: the runner's check
    that the answer after the measured calls is theirs)."""
    import tracemalloc  # here, not at the top: the GraalPy runner imports this module too

    count, unavailable = alloc_counter()
    counts = None
    was_tracing = tracemalloc.is_tracing()
    trace = peak or was_tracing
    if trace and not was_tracing:
        tracemalloc.start()
    try:
        gc.collect()
        if trace:
            before, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
        if count is None:
            out = kernel(*inputs)
        else:
            out = count(kernel, tuple(inputs))
        if trace:
            after, highest = tracemalloc.get_traced_memory()
        if count is not None:
            import polybench_rs

            counts = polybench_rs.allocation_counts()
    finally:
        if trace and not was_tracing:
            tracemalloc.stop()
    if keep is not None:
        keep.append(out)
    del out
    if trace:
        result = {
            "alloc_peak_bytes": max(0, highest - before),
            "alloc_retained_bytes": max(0, after - before),
            "alloc_method": TRACEMALLOC_SCOPE + "; total: polybench_rs.count_allocations",
        }
    else:
        result = {
            "alloc_peak_bytes": None,
            "alloc_retained_bytes": None,
            "alloc_peak_unavailable": why_not,
            "alloc_method": "polybench_rs.count_allocations (no tracemalloc: see alloc_peak_unavailable)",
        }
    if counts is None:
        result.update(alloc_bytes_per_call=None, alloc_blocks_per_call=None, alloc_unavailable=unavailable)
        return result
    families = {"cpython": "pymem", "numpy": "numpy", "rust_ext": "rust"}
    counted = [f for f in families if f != "numpy" or counts["numpy_counted"]]
    by = {f: counts[f"{families[f]}_bytes"] for f in counted}
    result.update(
        alloc_bytes_per_call=sum(by.values()),
        alloc_blocks_per_call=sum(counts[f"{families[f]}_blocks"] for f in counted),
        alloc_by_allocator=by,
        alloc_counted_by=[COUNTED_BY[f] for f in counted]
        + ([] if counts["numpy_counted"] else ["not NumPy: not imported by this variant, so no array is made"]),
        alloc_not_counted=NOT_COUNTED,
    )
    return result


class GcWatch:
    """CPython's collections and their pause time, from ``gc.callbacks`` (the start and stop
    of each collection): the one collector record of the Python runner (``extra.gc``)."""

    COLLECTOR = "CPython cyclic GC (reference counting frees most objects at once)"

    def __init__(self):
        self.collections = 0
        self.pause_ns = 0
        self.max_pause_ns = 0
        self.by_generation = [0, 0, 0]
        self._t0 = 0

    def __call__(self, phase, info):
        if phase == "start":
            self._t0 = time.perf_counter_ns()
        else:
            d = time.perf_counter_ns() - self._t0
            self.collections += 1
            self.pause_ns += d
            self.max_pause_ns = max(self.max_pause_ns, d)
            gen = info.get("generation", 0)
            if 0 <= gen < 3:
                self.by_generation[gen] += 1

    def reset(self) -> None:
        """Forgets what was counted so far (at the start of the measured iterations)."""
        self.collections = self.pause_ns = self.max_pause_ns = 0
        self.by_generation = [0, 0, 0]

    def __enter__(self):
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self)
        return False

    def summary(self) -> dict:
        return {"collector": self.COLLECTOR, "collections": self.collections, "pause_ns": self.pause_ns,
                "max_pause_ns": self.max_pause_ns, "by_generation": list(self.by_generation)}


#: the shortest a batched sample may last, whatever the clock (docs/runner-protocol.md)
MIN_SAMPLE_NS = 10_000
#: a batched sample lasts at least this many times the clock's overhead and its resolution, so the
#: two clock reads are under 1% of it
OVERHEAD_FACTOR = 100
#: once the --warmup count is done, each further warm-up entry covers at least
#: warmup_time / TIME_PHASE_ENTRIES of calls, so the time rule adds at most about this many entries
TIME_PHASE_ENTRIES = 100
#: calls per sample never grow past this (a kernel the clock cannot see at all)
MAX_CALLS_PER_SAMPLE = 1 << 40


@dataclass(frozen=True)
class ClockInfo:
    """The runner's clock as measured at start: ``overhead_ns``, the median of ``b - a`` over
    back-to-back reads (what an empty timed region costs), and ``resolution_ns``, the smallest
    non-zero step between two reads."""

    overhead_ns: int
    resolution_ns: int

    def extra(self) -> dict:
        return {"clock_overhead_ns": self.overhead_ns, "clock_resolution_ns": self.resolution_ns}


def clock_info(clock=time.perf_counter_ns, reads: int = 1001) -> ClockInfo:
    """Measures ``clock``'s overhead and resolution (see :class:`ClockInfo`)."""
    deltas = []
    for _ in range(reads):
        a = clock()
        b = clock()
        deltas.append(b - a)
    deltas.sort()
    steps = []
    for _ in range(21):
        a = b = clock()
        while b == a:
            b = clock()
        steps.append(b - a)
    return ClockInfo(overhead_ns=deltas[len(deltas) // 2], resolution_ns=max(1, min(steps)))


def sample_target_ns(clock: ClockInfo) -> int:
    """How long one batched sample must last at least: :data:`MIN_SAMPLE_NS`, and
    :data:`OVERHEAD_FACTOR` times the clock's overhead and resolution."""
    return max(MIN_SAMPLE_NS, OVERHEAD_FACTOR * clock.overhead_ns, OVERHEAD_FACTOR * clock.resolution_ns)


@dataclass
class Loop:
    """What :func:`iterate` measured: per-call times of the warm-up and measured samples (a
    sample's time over its ``calls_per_sample``), the last sample's digest (what every sample had
    to agree on), and, per item, each item's time in the latency passes after the measured
    iterations (:func:`item_latencies`)."""

    warmup_ns: list[int]
    samples_ns: list[int]
    last_digest: Any
    item_latencies_ns: list[int]
    #: the collections during the measured iterations (:meth:`GcWatch.summary`)
    gc: dict = field(default_factory=dict)
    #: kernel calls in each measured sample (1 unless ``target_ns`` asked for batching)
    calls_per_sample: int = 1
    #: how long the warm-up took, calls and checks included
    warmup_elapsed_ns: int = 0


#: item (document) times wanted from the latency passes: p99.9 needs 1,000 (docs/runner-protocol.md)
LATENCY_ITEMS = 1000


def latency_passes(items: int) -> int:
    """Whole passes over ``items`` items that give at least :data:`LATENCY_ITEMS` item times
    (2 for the 502 documents of 1e5 bytes); none for no items."""
    return -(-LATENCY_ITEMS // items) if items else 0


def item_latencies(kernel, items, passes: int, clock=time.perf_counter_ns) -> list[int]:
    """``passes`` passes of one ``kernel(item)`` per item, each item timed on its own (one clock
    read per item boundary, so the items' times add up to the pass's), outputs kept as the timed
    calls keep them."""
    latencies: list[int] = []
    lat = latencies.append
    for _ in range(passes):
        out = []
        append = out.append
        t = clock()
        for item in items:
            append(kernel(item))
            t2 = clock()
            lat(t2 - t)
            t = t2
        del out
    return latencies


def iterate(kernel, inputs: tuple, warmup: int, iterations: int, digest, items=None, *,
            warmup_time_ns: int = 0, target_ns: int = 0, clock=time.perf_counter_ns,
            final_check: bool = True) -> Loop:
    """The one timing loop of the Python runner.

    Warm-up: at least ``warmup`` entries, and until ``warmup_time_ns`` has passed since its start,
    and (with ``target_ns``) until the calls per sample are calibrated: the calls per sample start
    at 1 and double after every warm-up sample shorter than ``target_ns`` (as pyperf's loops and
    JMH's batches), so a sample of a short call is not mostly two clock reads. Past the count,
    each warm-up entry groups samples until it covers ``warmup_time_ns / TIME_PHASE_ENTRIES``.
    Then ``iterations`` measured samples of ``calls_per_sample`` calls each. Every entry is a
    per-call time (the sample's time over its calls). Outputs are freed inside the timed region,
    as in pyperf's loop (``func(*args)``, its result dropped at once), except the first warm-up
    sample's last output, which ``digest(output)`` reads after the timer stops; one more call
    after the measured ones, untimed, is digested too and must agree with it (``final_check``
    false: the caller makes that call itself, as :func:`measure` does with its allocation call). No digest runs
    between two measured samples, as none runs between a referee's calls: normalize's SHA-256 of
    8 MB there made the next call of python/numpy at 1e6 1.66-1.89 ms instead of 1.03 ms.

    With ``items`` (tokenize's per-document mode), a call is one ``kernel(item)`` per item, the
    outputs collected in a list, with no clock read inside it (pyperf's, JMH's and criterion's
    loops have none); never batched. The items' own times come from :func:`latency_passes` more
    passes after the measured iterations, one clock read per item boundary.
    """
    pc = clock
    if items is not None:
        target_ns = 0
    first = None
    last = None
    n = 0  # samples taken, for the mismatch message

    def check(out) -> None:
        nonlocal first, last
        d = digest(out)
        if first is None:
            first = d
        elif not agree(first, d):
            raise ChecksumMismatch(
                f"iteration {n} checksum {d!r} disagrees with iteration 0 checksum {first!r}"
            )
        last = d

    def sample(c: int, keep: bool = False):
        """One timed sample of ``c`` calls: (ns, output of the last call if ``keep``, else None:
        every output freed inside the timed region)."""
        if items is None:
            if c == 1 and not keep:
                t0 = pc()
                kernel(*inputs)
                t1 = pc()
                return t1 - t0, None
            rest = itertools.repeat(None, c - 1 if keep else c)
            t0 = pc()
            for _ in rest:
                kernel(*inputs)
            out = kernel(*inputs) if keep else None
            t1 = pc()
            return t1 - t0, out
        t0 = pc()
        out = [kernel(item) for item in items]
        t1 = pc()
        return t1 - t0, out

    warm: list[int] = []
    times: list[int] = []
    latencies: list[int] = []
    c = 1
    gc.collect()
    with GcWatch() as watch:
        start = pc()
        calibrated = target_ns <= 0
        while not (len(warm) >= warmup and calibrated and pc() - start >= warmup_time_ns):
            goal = warmup_time_ns // TIME_PHASE_ENTRIES if len(warm) >= warmup and calibrated else 0
            total = calls = 0
            while True:
                keep = first is None
                d, out = sample(c, keep)
                if keep:
                    check(out)
                del out
                n += 1
                total += d
                calls += c
                if total >= goal:
                    break
            warm.append((total + calls // 2) // calls)
            calibrated = target_ns <= 0 or d >= target_ns or c >= MAX_CALLS_PER_SAMPLE
            if not calibrated:
                c *= 2
        elapsed = pc() - start
        watch.reset()  # collections of the measured iterations only
        for _ in range(iterations):
            keep = first is None  # no warm-up sample: the first measured one is the reference
            d, out = sample(c, keep)
            if keep:
                check(out)
            del out
            n += 1
            times.append((d + c // 2) // c)
    if items is not None:
        latencies = item_latencies(kernel, items, latency_passes(len(items)), pc)
    if final_check:
        _, out = sample(1, True)  # untimed: the same answer after the measured calls
        check(out)
        del out
    return Loop(warm, times, last, latencies, watch.summary(), calls_per_sample=c, warmup_elapsed_ns=elapsed)
