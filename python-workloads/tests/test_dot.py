import math

import numpy as np
import pytest

import spec
from polybench import dot, splitmix64
from polybench.variants import Impl

VARIANTS = list(dot.VARIANTS)
U64_MAX = (1 << 64) - 1
# the exact dot product rounded once (tests/spec.py), not a copy of a kernel
reference = spec.dot_exact


@pytest.fixture(params=VARIANTS)
def impl(request) -> Impl:
    # No skip: a variant whose dependency is missing (Unavailable) fails here.
    return dot.VARIANTS[request.param]()


def test_registry_names():
    assert VARIANTS == ["pure", "loop", "numpy", "rust-ext", "rust-ext-numpy"]


# Values chosen so every summation order gives the exact same double.
CASES = {
    "empty": ([], [], 0.0),
    "size1": ([3.0], [-2.5], -7.5),
    "negatives": ([1.5, -2.0, 3.25, -0.5], [2.0, 4.0, -1.0, 8.0], -12.25),
    "constant": ([0.5] * 9, [2.0] * 9, 9.0),
    "all_negative": ([-1.0, -2.0, -3.0], [-4.0, -5.0, -6.0], 32.0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_small_cases_exact(impl, case):
    a, b, expected = CASES[case]
    inputs = impl.from_lists(a, b)
    out = impl.kernel(*inputs)
    value = impl.checksum(out)
    assert type(value) is float
    assert value == expected
    assert reference(a, b) == expected


def test_random_against_reference(impl):
    a, b = splitmix64.pure_doubles(9, 257), splitmix64.pure_doubles(10, 257)
    a = [x - 0.5 for x in a]  # mixed signs
    got = impl.checksum(impl.kernel(*impl.from_lists(a, b)))
    assert spec.dot_within_bound(got, a, b)


def test_inputs_not_modified(impl):
    a, b = [1.0, -2.0, 3.0], [0.5, 0.25, -4.0]
    inputs = impl.from_lists(a, b)
    impl.kernel(*inputs)
    assert [list(x) for x in inputs] == [a, b]


def test_prepare_matches_spec(impl):
    a, b = impl.prepare(5, 42)
    assert list(a) == splitmix64.pure_doubles(42, 5)
    assert list(b) == splitmix64.pure_doubles(43, 5)
    expected_type = list if impl.takes == "list" else np.ndarray
    assert type(a) is expected_type and type(b) is expected_type
    if impl.takes == "ndarray":
        assert a.dtype == np.float64 and b.dtype == np.float64


def test_prepare_second_seed_wraps():
    a, b = dot.prepare_lists(3, U64_MAX)
    assert a == splitmix64.pure_doubles(U64_MAX, 3)
    assert b == splitmix64.pure_doubles(0, 3)


@pytest.mark.parametrize("name", ["numpy", "rust-ext", "rust-ext-numpy"])
def test_mismatched_lengths_raise(name):
    impl = dot.VARIANTS[name]()
    a, b = impl.from_lists([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError):
        impl.kernel(a, b)


@pytest.mark.parametrize("size", [1000, 20_011])
def test_all_variants_within_the_float64_bound(size):
    seed = 42
    a, b = splitmix64.pure_doubles(seed, size), splitmix64.pure_doubles(seed + 1, size)
    for name, load in dot.VARIANTS.items():
        impl = load()
        got = impl.checksum(impl.kernel(*impl.prepare(size, seed)))
        assert spec.dot_within_bound(got, a, b), (name, got, reference(a, b))


@pytest.mark.parametrize("size", [0, 1, 2, 1001, 20_011])
def test_verification_input_is_the_spec_s_and_exact_in_every_variant(size):
    want_a, want_b = spec.dot_verify_inputs(size)
    for name, load in dot.VARIANTS.items():
        impl = load()
        a, b = impl.verify_inputs(size)
        assert (list(a), list(b)) == (want_a, want_b), name
        assert impl.checksum(impl.kernel(a, b)) == size * spec.VERIFY_VALUE, name


def test_float32_inputs_fail_the_bound_on_the_verification_input():
    # what the verification input is for: at 1e5 float32-rounded seeded inputs would
    # still land within 1e-9 of the answer
    n = 100_000
    a, b = spec.dot_verify_inputs(n)
    f32 = float(np.dot(np.asarray(a, np.float32).astype(np.float64), np.asarray(b, np.float32).astype(np.float64)))
    exact = n * spec.VERIFY_VALUE
    assert abs(f32 - exact) > 1000 * spec.dot_bound(n) * exact
