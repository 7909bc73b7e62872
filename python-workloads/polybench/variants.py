"""What a workload module exposes, and the dependency checks of the variants.

Each workload module (``dot``, ``normalize``, ...) has ``VARIANTS``: a dict from
variant name to a ``Row`` (kind, one-line description, loader): the only place a
variant is registered; ``--list`` prints these rows. Calling the row (its loader) imports what the variant needs
(raising ``Unavailable`` when it cannot: the runner turns that into exit 3)
and returns an ``Impl``:

* ``prepare(size, seed) -> tuple`` makes the inputs (not timed);
* ``kernel(*inputs) -> output`` is the one call that is timed;
* ``checksum(output) -> float`` reduces an output (not timed).

``takes`` says the input container (``"list"`` or ``"ndarray"``), so tests can
hand any variant hand-made inputs via ``Impl.from_lists``.

Optional, for workloads that need them (defaults keep the float workloads as they are):

* ``checksum_kind``: ``"float"`` (printed with ``repr``) or an exact kind such as
  ``"u64"`` or ``"f64+sha256"`` (printed with ``str``); iterations must agree exactly;
* ``threaded``: ``prepare`` is called as ``prepare(size, seed, threads)``;
* ``extra(inputs) -> dict``: fields for the protocol's ``extra`` object, read
  after the measured iterations (e.g. a pool's start-up time);
* ``close(inputs)``: releases what ``prepare`` started (a process pool);
* ``verify_inputs(size) -> tuple``: the workload's verification input (dot), in this
  variant's container; the kernel runs on it once, untimed, and its checksum follows the
  seeded one in the protocol's checksum string.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import sys
from array import array
from dataclasses import dataclass
from typing import Any, Callable


class Unavailable(Exception):
    """The variant cannot run here (a dependency is missing): exit 3."""


class BadInput(Exception):
    """The --input file (or its absence) does not fit the workload: exit 2, message on stderr."""


@dataclass(frozen=True)
class Impl:
    prepare: Callable[[int, int], tuple]
    kernel: Callable[..., Any]
    checksum: Callable[[Any], float]
    takes: str  # "list" or "ndarray"
    checksum_kind: str = "float"
    threaded: bool = False
    extra: Callable[[tuple], dict] | None = None
    close: Callable[[tuple], None] | None = None
    verify_inputs: Callable[[int], tuple] | None = None

    def from_lists(self, *lists: list[float]) -> tuple:
        if self.takes == "list":
            return tuple(list(x) for x in lists)
        np = require_numpy()
        return tuple(np.array(x, dtype=np.float64) for x in lists)


Loader = Callable[[], Impl]

KINDS = ("naive", "idiomatic", "optimized")


@dataclass(frozen=True)
class Row:
    """One (workload, variant) of this runner: the only place a variant is registered.

    ``kind`` is what a reader should take it for (``naive``: what the articles show;
    ``idiomatic``: what a practitioner writes; ``optimized``), ``description`` one line
    for ``./bench list`` and the results, ``load`` the loader. Calling the row loads it.
    """

    kind: str
    description: str
    load: Loader

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind {self.kind!r} is none of {', '.join(KINDS)}")
        if "\n" in self.description or not self.description.strip():
            raise ValueError("a description is one non-empty line")

    def __call__(self) -> Impl:
        return self.load()


#: the pinned packages python-workloads/requirements-free-threaded.txt leaves out, and why
NO_FREE_THREADED_WHEEL = {
    "tokenizers": "tokenizers 0.23.3 publishes abi3 wheels only, which a free-threaded 3.13 cannot load, "
                  "and no cp313t wheel",
    "transformers": "transformers 5.23.0 requires tokenizers, which has no free-threaded (cp313t) wheel",
}


def missing_fix(package: str, fix: str) -> str:
    """How to get ``package``: ``fix``, or on a free-threaded build whose venv leaves it out
    (requirements-free-threaded.txt) why it cannot be had there."""
    import sysconfig

    if sysconfig.get_config_var("Py_GIL_DISABLED") and package in NO_FREE_THREADED_WHEEL:
        return (f"not installed for this free-threaded interpreter: {NO_FREE_THREADED_WHEEL[package]} "
                "(python-workloads/requirements-free-threaded.txt); run it on the GIL venv")
    return fix


def require_numpy():
    try:
        import numpy
    except ImportError as e:
        raise Unavailable(
            f"NumPy is not importable ({e}); install it into this interpreter "
            "with: pip install -r python-workloads/requirements.txt"
        ) from e
    return numpy


def require_rs():
    try:
        import polybench_rs
    except ImportError as e:
        raise Unavailable(
            f"the Rust extension polybench_rs is not importable ({e}); "
            "build it with ./bench build"
        ) from e
    return polybench_rs


def fsum_array(arr, chunk: int = 1 << 16) -> float:
    """Exactly rounded sum of a float64 ndarray, like math.fsum, without
    materialising the whole array as Python floats (which would inflate peak RSS)."""
    n = len(arr)
    return math.fsum(
        itertools.chain.from_iterable(
            arr[i : i + chunk].tolist() for i in range(0, n, chunk)
        )
    )


def f64_sha256_list(ys, chunk: int = 1 << 16) -> str:
    """``f64+sha256`` (docs/workloads.md#normalize): the count and SHA-256 of every value's
    float64 bit pattern, 8 bytes little-endian, in order; in chunks, so no copy of the whole
    output inflates peak RSS."""
    sha = hashlib.sha256()
    for i in range(0, len(ys), chunk):
        block = array("d", ys[i : i + chunk])
        if sys.byteorder != "little":
            block.byteswap()
        sha.update(block)
    return f"{len(ys)}:{sha.hexdigest()}"


def f64_sha256_array(arr) -> str:
    """``f64+sha256`` of a float64 ndarray, hashed in place (no copy when it is contiguous LE)."""
    np = require_numpy()
    flat = np.ascontiguousarray(arr, dtype="<f8").reshape(-1)
    return f"{flat.size}:{hashlib.sha256(memoryview(flat).cast('B')).hexdigest()}"


def seed_b(seed: int) -> int:
    """Seed of a workload's second input: seed + 1, mod 2**64."""
    return (seed + 1) & ((1 << 64) - 1)
