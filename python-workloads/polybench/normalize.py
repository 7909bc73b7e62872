"""Workload ``normalize`` (docs/workloads.md): a new array y[i] = (a[i] - min) / (max - min).

Constant input (including size 1) gives all 0.0; empty input gives an empty output.
Input: ``a`` = doubles from ``seed``. Checksum (``f64+sha256``): the count and SHA-256 of the
outputs' float64 bit patterns in order: exact, so a permuted, truncated or float32-rounded output
fails, and every correct implementation (subtract, then divide) gives the same bits.
"""

from __future__ import annotations

from . import splitmix64
from .variants import Impl, Loader, f64_sha256_array, f64_sha256_list, require_numpy, require_rs, Row

CHECKSUM_KIND = "f64+sha256"


def prepare_lists(size: int, seed: int) -> tuple[list[float]]:
    return (splitmix64.doubles(seed, size),)


def prepare_arrays(size: int, seed: int):
    return (splitmix64.doubles_array(seed, size),)


def normalize_pure(xs: list[float]) -> list[float]:
    if not xs:
        return []
    lo, hi = min(xs), max(xs)
    if hi == lo:
        return [0.0] * len(xs)
    span = hi - lo
    return [(x - lo) / span for x in xs]


def normalize_loop(xs: list[float]) -> list[float]:
    # Explicit index loops, as a beginner writes them: one pass for the minimum, one for the
    # maximum, then the output built element by element.
    n = len(xs)
    if n == 0:
        return []
    lo = xs[0]
    for i in range(1, n):
        if xs[i] < lo:
            lo = xs[i]
    hi = xs[0]
    for i in range(1, n):
        if xs[i] > hi:
            hi = xs[i]
    ys = []
    if hi == lo:
        for i in range(n):
            ys.append(0.0)
        return ys
    span = hi - lo
    for i in range(n):
        ys.append((xs[i] - lo) / span)
    return ys


def checksum_list(ys: list[float]) -> str:
    return f64_sha256_list(ys)


def _pure() -> Impl:
    return Impl(prepare_lists, normalize_pure, checksum_list, "list", CHECKSUM_KIND)


def _loop() -> Impl:
    return Impl(prepare_lists, normalize_loop, checksum_list, "list", CHECKSUM_KIND)


def _numpy() -> Impl:
    np = require_numpy()

    def normalize_numpy(xs):
        if xs.size == 0:  # min() of an empty array raises
            return np.empty(0, dtype=np.float64)
        lo, hi = xs.min(), xs.max()
        if hi == lo:
            return np.zeros(xs.shape, dtype=np.float64)
        return (xs - lo) / (hi - lo)

    return Impl(prepare_arrays, normalize_numpy, f64_sha256_array, "ndarray", CHECKSUM_KIND)


def _rust_ext() -> Impl:
    rs = require_rs()
    # List in, list out: both conversions happen inside the timed call.
    return Impl(prepare_lists, rs.normalize_list, checksum_list, "list", CHECKSUM_KIND)


def _rust_ext_numpy() -> Impl:
    require_numpy()
    rs = require_rs()
    return Impl(prepare_arrays, rs.normalize_numpy, f64_sha256_array, "ndarray", CHECKSUM_KIND)


VARIANTS: dict[str, Row] = {
    "pure": Row("naive", "plain CPython over lists, as a Python developer writes it", _pure),
    "loop": Row("naive", "explicit index loops a beginner writes: one for the minimum, one for the maximum, one appending each output", _loop),
    "numpy": Row("idiomatic", "NumPy on float64 arrays", _numpy),
    "rust-ext": Row("optimized", "our Rust kernel via PyO3; the Python list converted to Vec<f64> and the result back to a list inside the timed call", _rust_ext),
    "rust-ext-numpy": Row("optimized", "our Rust kernel via rust-numpy, borrowing the NumPy array without copying", _rust_ext_numpy),
}
