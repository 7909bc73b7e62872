import math

import numpy as np
import pytest

from polybench import normalize, splitmix64
from polybench.variants import Impl

VARIANTS = list(normalize.VARIANTS)


def reference(xs):
    if not xs:
        return []
    lo, hi = min(xs), max(xs)
    if lo == hi:
        return [0.0] * len(xs)
    return [(x - lo) / (hi - lo) for x in xs]


@pytest.fixture(params=VARIANTS)
def impl(request) -> Impl:
    # No skip: a variant whose dependency is missing (Unavailable) fails here.
    return normalize.VARIANTS[request.param]()


def run(impl, xs):
    (inp,) = impl.from_lists(xs)
    out = impl.kernel(inp)
    if impl.takes == "list":
        assert type(out) is list
        assert all(type(y) is float for y in out)
    else:
        assert type(out) is np.ndarray and out.dtype == np.float64 and out.ndim == 1
    return inp, out


def test_registry_names():
    assert VARIANTS == ["pure", "loop", "numpy", "rust-ext", "rust-ext-numpy"]


CASES = {
    "empty": ([], []),
    "size1": ([3.5], [0.0]),
    "size1_negative": ([-2.0], [0.0]),
    "constant": ([2.5] * 6, [0.0] * 6),
    "negatives": ([-3.0, -1.0, 1.0, 5.0], [0.0, 0.25, 0.5, 1.0]),
    "all_negative": ([-8.0, -4.0, -6.0, -7.0], [0.0, 1.0, 0.5, 0.25]),
    "two": ([1.0, 0.0], [1.0, 0.0]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_small_cases_exact(impl, case):
    xs, expected = CASES[case]
    assert reference(xs) == expected
    _, out = run(impl, xs)
    assert list(out) == expected
    assert impl.checksum(out) == math.fsum(expected)
    assert type(impl.checksum(out)) is float


def test_random_against_reference(impl):
    xs = [10.0 * x - 3.0 for x in splitmix64.pure_doubles(3, 501)]
    _, out = run(impl, xs)
    expected = reference(xs)
    assert len(out) == len(expected)
    for got, want in zip(out, expected):
        assert math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-15)
    assert min(out) == 0.0 and max(out) == 1.0
    assert math.isclose(impl.checksum(out), math.fsum(expected), rel_tol=1e-12)


def test_output_is_new_and_input_untouched(impl):
    xs = [4.0, -1.0, 2.0, 9.0]
    inp, out = run(impl, xs)
    assert out is not inp
    assert list(inp) == xs
    if impl.takes == "ndarray":
        assert not np.shares_memory(out, inp)


def test_prepare_matches_spec(impl):
    (xs,) = impl.prepare(5, 42)
    assert list(xs) == splitmix64.pure_doubles(42, 5)
    assert type(xs) is (list if impl.takes == "list" else np.ndarray)


def test_all_variants_agree_size_1000():
    size, seed = 1000, 42
    expected = math.fsum(reference(splitmix64.pure_doubles(seed, size)))
    got = {}
    for name, load in normalize.VARIANTS.items():
        impl = load()
        got[name] = impl.checksum(impl.kernel(*impl.prepare(size, seed)))
    for name, value in got.items():
        assert math.isclose(value, expected, rel_tol=1e-9), (name, value, expected)
