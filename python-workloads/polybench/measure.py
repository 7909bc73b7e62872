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
import time
from dataclasses import dataclass, field
from typing import Any

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


def agree(a, b, kind: str = "float") -> bool:
    """Whether two iterations agree: exactly, for every kind (see the module's docstring).
    The GraalPy runner applies the same rule through this function."""
    return a == b


@dataclass
class Loop:
    """What :func:`iterate` measured: the iterations' times, the last iteration's digest
    (what every iteration had to agree on), and, per item, each item's time in the measured
    iterations."""

    warmup_ns: list[int]
    samples_ns: list[int]
    last_digest: Any
    item_latencies_ns: list[int]


def iterate(kernel, inputs: tuple, warmup: int, iterations: int, digest, items=None) -> Loop:
    """The one timing loop of the Python runner: ``warmup + iterations`` iterations, each
    ``kernel(*inputs)`` timed alone with ``perf_counter_ns``; ``digest(output)`` runs after the
    timer stops, must be equal for every iteration, and the output is dropped before the next.

    With ``items`` (tokenize's per-document mode), an iteration is one ``kernel(item)`` per item
    with one clock read per item boundary, so the items' times add up to the iteration's; the
    output is the list of results and the items' times of the measured iterations are kept.
    """
    pc = time.perf_counter_ns
    times: list[int] = []
    latencies: list[int] = []
    first = last = None
    gc.collect()
    for i in range(warmup + iterations):
        if items is None:
            t0 = pc()
            out = kernel(*inputs)
            t1 = pc()
            times.append(t1 - t0)
        else:
            out = []
            append = out.append
            lat = [0] * len(items)
            j = 0
            t0 = t = pc()
            for item in items:
                append(kernel(item))
                t2 = pc()
                lat[j] = t2 - t
                t = t2
                j += 1
            times.append(t - t0)
            if i >= warmup:
                latencies.extend(lat)
        d = digest(out)
        del out
        if first is None:
            first = d
        elif not agree(first, d):
            raise ChecksumMismatch(
                f"iteration {i} checksum {d!r} disagrees with iteration 0 checksum {first!r}"
            )
        last = d
    return Loop(times[:warmup], times[warmup:], last, latencies)


def _iterate(impl: Impl, inputs: tuple, warmup: int, iterations: int) -> Measurement:
    loop = iterate(impl.kernel, inputs, warmup, iterations, impl.checksum)
    return Measurement(loop.warmup_ns, loop.samples_ns, loop.last_digest)
