import struct

import numpy as np
import pytest

import spec
from polybench import normalize, splitmix64
from polybench.variants import Impl

VARIANTS = list(normalize.VARIANTS)
# the spec's answer, with exact arithmetic rounded once per operation (tests/spec.py)
reference = spec.normalize


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
    assert impl.checksum(out) == spec.f64_sha256(expected)


def test_random_against_reference(impl):
    xs = [10.0 * x - 3.0 for x in splitmix64.pure_doubles(3, 501)]
    _, out = run(impl, xs)
    expected = reference(xs)
    # subtract, then divide: bit for bit the spec's values
    assert [struct.pack("<d", y) for y in out] == [struct.pack("<d", y) for y in expected]
    assert min(out) == 0.0 and max(out) == 1.0
    assert impl.checksum(out) == spec.f64_sha256(expected)


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


@pytest.mark.parametrize("size", [1000, 20_011])  # odd: SIMD tails
def test_all_variants_give_the_spec_bits(size):
    seed = 42
    expected = spec.f64_sha256(reference(splitmix64.pure_doubles(seed, size)))
    for name, load in normalize.VARIANTS.items():
        impl = load()
        got = impl.checksum(impl.kernel(*impl.prepare(size, seed)))
        assert got == expected, name


# The checksum (f64+sha256) must change whenever an output is wrong in a way a bug makes it
# wrong; the sum of the outputs, the old checksum, passed all of these.
RIGHT = reference(splitmix64.pure_doubles(5, 1000))


def test_checksum_catches_a_reversed_output():
    assert normalize.checksum_list(RIGHT[::-1]) != normalize.checksum_list(RIGHT)


def test_checksum_catches_two_swapped_outputs():
    swapped = list(RIGHT)
    swapped[10], swapped[11] = swapped[11], swapped[10]
    assert normalize.checksum_list(swapped) != normalize.checksum_list(RIGHT)


def test_checksum_catches_an_output_rounded_to_float32():
    f32 = list(np.asarray(RIGHT, dtype=np.float32).astype(np.float64))
    assert normalize.checksum_list(f32) != normalize.checksum_list(RIGHT)


def test_checksum_catches_a_dropped_element():
    assert normalize.checksum_list(RIGHT[:-1]) != normalize.checksum_list(RIGHT)


def test_checksum_catches_a_reciprocal_multiply():
    xs = splitmix64.pure_doubles(5, 1000)
    lo, hi = min(xs), max(xs)
    inv = 1.0 / (hi - lo)
    assert normalize.checksum_list([(x - lo) * inv for x in xs]) != normalize.checksum_list(RIGHT)


def test_list_and_array_checksums_are_the_spec_s():
    assert normalize.checksum_list(RIGHT) == spec.f64_sha256(RIGHT)
    from polybench.variants import f64_sha256_array
    assert f64_sha256_array(np.asarray(RIGHT)) == spec.f64_sha256(RIGHT)
    # big chunks and small chunks hash the same stream
    from polybench.variants import f64_sha256_list
    assert f64_sha256_list(RIGHT, chunk=7) == spec.f64_sha256(RIGHT)
