import sys
import warnings

import numpy as np
import pytest

from polybench import splitmix64 as sm

GOLDEN_U64_42 = [0xBDD732262FEB6E95, 0x28EFE333B266F103, 0x47526757130F9F52]
GOLDEN_DOUBLES_42 = [0.7415648787718233, 0.1599103928769201, 0.27860113025513866]
GOLDEN_U64_0 = 0xE220A8397B1DCDAF
U64_MAX = (1 << 64) - 1


def test_pure_golden_u64():
    g = sm.SplitMix64(42)
    assert [g.next_u64() for _ in range(3)] == GOLDEN_U64_42
    assert sm.SplitMix64(0).next_u64() == GOLDEN_U64_0


def test_pure_golden_doubles():
    g = sm.SplitMix64(42)
    assert [g.next_double() for _ in range(3)] == GOLDEN_DOUBLES_42
    assert sm.pure_doubles(42, 3) == GOLDEN_DOUBLES_42


def test_numpy_golden_u64():
    assert sm.u64_array(42, 3).tolist() == GOLDEN_U64_42
    assert sm.u64_array(0, 1).tolist() == [GOLDEN_U64_0]


def test_numpy_golden_doubles():
    arr = sm.doubles_array(42, 3)
    assert arr.dtype == np.float64 and arr.shape == (3,)
    assert arr.tolist() == GOLDEN_DOUBLES_42


def test_doubles_list_golden():
    xs = sm.doubles(42, 3)
    assert type(xs) is list and all(type(x) is float for x in xs)
    assert xs == GOLDEN_DOUBLES_42


@pytest.mark.parametrize("seed", [0, 1, 42, 0xDEADBEEFCAFEBABE, U64_MAX])
@pytest.mark.parametrize("chunk", [1, 7, sm.CHUNK])
def test_numpy_sequence_identical_to_pure(seed, chunk):
    n = 1000
    assert sm.u64_array(seed, n, chunk=chunk).tolist() == sm.pure_u64s(seed, n)
    assert sm.doubles_array(seed, n, chunk=chunk).tolist() == sm.pure_doubles(seed, n)


def test_numpy_sequence_across_chunk_boundaries():
    n = 2 * sm.CHUNK + 3
    assert sm.doubles_array(7, n).tolist() == sm.pure_doubles(7, n)


def test_seed_is_taken_mod_2_64():
    assert sm.pure_u64s(42 + (1 << 64), 3) == GOLDEN_U64_42
    assert sm.u64_array(42 + (1 << 64), 3).tolist() == GOLDEN_U64_42


def test_no_overflow_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sm.doubles_array(U64_MAX, 10_000)
        sm.u64_array(U64_MAX, 10_000)


def test_size_zero():
    assert sm.doubles(42, 0) == []
    assert sm.pure_doubles(42, 0) == []
    assert sm.doubles_array(42, 0).shape == (0,)


def test_doubles_in_unit_interval():
    arr = sm.doubles_array(123, 100_000)
    assert arr.min() >= 0.0 and arr.max() < 1.0


def test_doubles_falls_back_to_pure_without_numpy(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)  # `import numpy` now raises ImportError
    assert not sm.numpy_available()
    assert sm.doubles(42, 3) == GOLDEN_DOUBLES_42
    assert sm.doubles(5, 50) == sm.pure_doubles(5, 50)


def test_the_list_form_is_the_same_sequence_on_both_sides_of_the_numpy_threshold():
    n = sm.PURE_BELOW
    below, at = sm.doubles(7, n - 1), sm.doubles(7, n)
    assert at[: n - 1] == below == sm.pure_doubles(7, n - 1)
    assert at == sm.doubles_array(7, n).tolist()


def test_a_small_list_input_does_not_import_numpy():
    import subprocess

    code = ("import sys; from polybench import splitmix64 as sm; sm.doubles(42, 1000); "
            "print('numpy' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       cwd=__import__("pathlib").Path(__file__).resolve().parents[1])
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "False"
