"""The measured loop of the runner protocol (docs/runner-protocol.md).

Inputs are made before timing; each iteration times only the kernel call with
time.perf_counter_ns; its checksum is computed after the timer stops and the
output is dropped before the next call (so two outputs never coexist in RSS).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field

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


def agree(a, b, kind: str = "float") -> bool:
    """Whether two iterations agree: exactly, for every kind, as in the Rust and Java runners.
    The kernel and its input are the same, so any difference is a bug (state kept between
    calls, an unordered reduction), not rounding."""
    return a == b


def measure(
    impl: Impl, size: int, seed: int, warmup: int, iterations: int, threads: int = 1
) -> Measurement:
    """Prepares the inputs, runs the iterations, then releases what ``prepare``
    started (``impl.close``); ``Measurement.extra`` holds ``impl.extra(inputs)``."""
    verify = verify_checksums(impl, size)
    inputs = impl.prepare(size, seed, threads) if impl.threaded else impl.prepare(size, seed)
    try:
        m = _iterate(impl, inputs, warmup, iterations)
        m.verify = verify
        if impl.extra is not None:
            m.extra = dict(impl.extra(inputs))
        return m
    finally:
        if impl.close is not None:
            impl.close(inputs)


def _iterate(impl: Impl, inputs: tuple, warmup: int, iterations: int) -> Measurement:
    kernel, checksum, kind = impl.kernel, impl.checksum, impl.checksum_kind
    perf_counter_ns = time.perf_counter_ns
    times: list[int] = []
    first = last = None
    gc.collect()
    for i in range(warmup + iterations):
        t0 = perf_counter_ns()
        out = kernel(*inputs)
        t1 = perf_counter_ns()
        times.append(t1 - t0)
        cs = checksum(out)
        del out
        if first is None:
            first = cs
        elif not agree(first, cs, kind):
            raise ChecksumMismatch(
                f"iteration {i} checksum {cs!r} disagrees with iteration 0 checksum {first!r}"
            )
        last = cs
    return Measurement(times[:warmup], times[warmup:], last)
