"""Workload ``dot`` (docs/workloads.md): sum over i of a[i] * b[i], 0.0 for size 0.

Inputs: ``a`` = doubles from ``seed``, ``b`` = doubles from ``seed + 1``.
Checksum: the dot value, then the dot of the verification input (docs/workloads.md#dot), on
which rounding an input to float32 loses half of every product's 2^-25.
"""

from __future__ import annotations

from . import splitmix64
from .variants import Impl, Loader, require_numpy, require_rs, seed_b, Row


def prepare_lists(size: int, seed: int) -> tuple[list[float], list[float]]:
    return splitmix64.doubles(seed, size), splitmix64.doubles(seed_b(seed), size)


def prepare_arrays(size: int, seed: int):
    return (
        splitmix64.doubles_array(seed, size),
        splitmix64.doubles_array(seed_b(seed), size),
    )


# The verification input: a[i] = VERIFY_VALUE at even i and 1.0 at odd i, b the other way
# round; every product is 1 + 2^-25 and any correct float64 sum of them is exact.
VERIFY_VALUE = 1.0 + 2.0**-25


def verify_lists(size: int) -> tuple[list[float], list[float]]:
    # list repetition shares two float objects: 8 bytes per element, not 32
    a = [VERIFY_VALUE, 1.0] * (size // 2) + [VERIFY_VALUE] * (size % 2)
    b = [1.0, VERIFY_VALUE] * (size // 2) + [1.0] * (size % 2)
    return a, b


def verify_arrays(size: int):
    np = require_numpy()
    a = np.ones(size, dtype=np.float64)
    b = np.ones(size, dtype=np.float64)
    a[0::2] = VERIFY_VALUE
    b[1::2] = VERIFY_VALUE
    return a, b


def dot_pure(a: list[float], b: list[float]) -> float:
    # The naive baseline, as a Python developer writes it (sum() gives 0 for empty
    # input; the checksum turns it into 0.0).
    return sum(x * y for x, y in zip(a, b))


def dot_loop(a: list[float], b: list[float]) -> float:
    # The explicit index loop a beginner writes ("looping over big datasets"): one
    # subscript per element of each list, one float add per step.
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def checksum(value) -> float:
    return float(value)


def _pure() -> Impl:
    return Impl(prepare_lists, dot_pure, checksum, "list", verify_inputs=verify_lists)


def _loop() -> Impl:
    return Impl(prepare_lists, dot_loop, checksum, "list", verify_inputs=verify_lists)


def _numpy() -> Impl:
    np = require_numpy()
    return Impl(prepare_arrays, np.dot, checksum, "ndarray", verify_inputs=verify_arrays)


def _rust_ext() -> Impl:
    rs = require_rs()
    # Lists in: the list -> Vec<f64> conversion happens inside the timed call.
    return Impl(prepare_lists, rs.dot_list, checksum, "list", verify_inputs=verify_lists)


def _rust_ext_numpy() -> Impl:
    require_numpy()
    rs = require_rs()
    # float64 ndarrays borrowed without copying.
    return Impl(prepare_arrays, rs.dot_numpy, checksum, "ndarray", verify_inputs=verify_arrays)


VARIANTS: dict[str, Row] = {
    "pure": Row("naive", "plain CPython over lists, as a Python developer writes it", _pure),
    "loop": Row("naive", "the explicit index loop a beginner writes: for i in range(n): s += a[i] * b[i]", _loop),
    "numpy": Row("idiomatic", "NumPy on float64 arrays", _numpy),
    "rust-ext": Row("optimized", "our Rust kernel via PyO3; Python lists converted to Vec<f64> inside the timed call", _rust_ext),
    "rust-ext-numpy": Row("optimized", "our Rust kernel via rust-numpy, borrowing NumPy arrays without copying", _rust_ext_numpy),
}
