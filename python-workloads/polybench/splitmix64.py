"""SplitMix64, exactly as docs/workloads.md specifies it.

Two implementations that must give identical sequences (tests assert it):

* ``SplitMix64``: the reference generator in pure Python (ints masked to 64 bits);
* ``u64_array`` / ``doubles_array``: a vectorised NumPy version. The state after
  i+1 steps is ``seed + (i+1) * GAMMA (mod 2**64)``, so every element can be mixed
  independently on uint64 arrays (which wrap mod 2**64).

Input generation is never timed, but pure-Python generation of 2e7 numbers
takes far too long, so ``doubles`` (the list form used by the list variants)
goes through NumPy from ``PURE_BELOW`` elements on when it is importable, and uses
the pure generator otherwise.
"""

from __future__ import annotations

MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
TWO_POW_M53 = 2.0**-53

# Elements mixed per NumPy chunk: keeps the uint64 temporaries small, so the
# process's peak RSS is dominated by the inputs themselves, not by generation.
CHUNK = 1 << 16


class SplitMix64:
    """Reference generator: ``x = seed``; ``next()`` adds GAMMA then mixes."""

    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed & MASK64

    def next_u64(self) -> int:
        self.state = (self.state + GAMMA) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * MIX1) & MASK64
        z = ((z ^ (z >> 27)) * MIX2) & MASK64
        return z ^ (z >> 31)

    def next_double(self) -> float:
        """A double in [0, 1): the top 53 bits times 2**-53."""
        return (self.next_u64() >> 11) * TWO_POW_M53


def pure_u64s(seed: int, n: int) -> list[int]:
    g = SplitMix64(seed)
    return [g.next_u64() for _ in range(n)]


def pure_doubles(seed: int, n: int) -> list[float]:
    g = SplitMix64(seed)
    return [g.next_double() for _ in range(n)]


def _numpy():
    import numpy  # deferred: see the package docstring

    return numpy


def _mixed_chunk(np, seed: int, start: int, stop: int):
    """uint64 outputs number start+1 .. stop of the generator seeded with ``seed``."""
    z = np.arange(start + 1, stop + 1, dtype=np.uint64)
    z *= np.uint64(GAMMA)  # wraps mod 2**64
    z += np.uint64(seed)
    z ^= z >> np.uint64(30)
    z *= np.uint64(MIX1)
    z ^= z >> np.uint64(27)
    z *= np.uint64(MIX2)
    z ^= z >> np.uint64(31)
    return z


def u64_array(seed: int, n: int, chunk: int = CHUNK):
    """The first ``n`` u64 outputs as a uint64 ndarray."""
    np = _numpy()
    seed &= MASK64
    out = np.empty(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, n, chunk):
            stop = min(start + chunk, n)
            out[start:stop] = _mixed_chunk(np, seed, start, stop)
    return out


def doubles_array(seed: int, n: int, chunk: int = CHUNK):
    """The first ``n`` doubles as a float64 ndarray (same values as ``pure_doubles``)."""
    np = _numpy()
    seed &= MASK64
    out = np.empty(n, dtype=np.float64)
    with np.errstate(over="ignore"):
        for start in range(0, n, chunk):
            stop = min(start + chunk, n)
            z = _mixed_chunk(np, seed, start, stop)
            z >>= np.uint64(11)
            # z < 2**53: the conversion to float64 and the scaling are exact.
            np.multiply(z, TWO_POW_M53, out=out[start:stop])
    return out


def numpy_available() -> bool:
    try:
        _numpy()
    except ImportError:
        return False
    return True


#: Below this many elements the list form is generated in pure Python (6.6 ms for 10,000 here):
#: importing NumPy for it took 60-100 ms of every small list-variant process, and its memory sat
#: in a pure variant's peak.
PURE_BELOW = 20_000


def doubles(seed: int, n: int) -> list[float]:
    """The first ``n`` doubles as a list of Python floats."""
    if n >= PURE_BELOW and numpy_available():
        return doubles_array(seed, n).tolist()
    return pure_doubles(seed, n)
