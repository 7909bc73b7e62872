"""The answers of docs/workloads.md, written from the spec with exact arithmetic
(fractions.Fraction, hashlib over struct-packed bytes), independent of every
implementation under test, polybench's own checksum helpers included."""

from __future__ import annotations

import hashlib
import math
import struct
from fractions import Fraction

U = 2.0**-53  # float64 unit roundoff
LAMBDA = 10  # docs/workloads.md#dot: the probabilistic bound's lambda
VERIFY_VALUE = 1 + 2.0**-25


def dot_exact(a, b) -> float:
    """The exact dot product, rounded once."""
    return float(sum((Fraction(x) * Fraction(y) for x, y in zip(a, b, strict=True)), Fraction(0)))


def dot_bound(n: int) -> float:
    """Relative tolerance of docs/workloads.md#dot (times the sum of |a_i b_i|)."""
    worst = n * U / (1 - n * U)
    probable = math.expm1(LAMBDA * math.sqrt(n) * U + n * U * U / (1 - U))
    return min(worst, probable) + 2 * U


def dot_verify_inputs(n: int):
    a = [VERIFY_VALUE if i % 2 == 0 else 1.0 for i in range(n)]
    b = [1.0 if i % 2 == 0 else VERIFY_VALUE for i in range(n)]
    return a, b


def dot_within_bound(got: float, a, b) -> bool:
    magnitude = float(sum((abs(Fraction(x) * Fraction(y)) for x, y in zip(a, b)), Fraction(0)))
    return abs(got - dot_exact(a, b)) <= dot_bound(len(a)) * magnitude


def ieee_sub(x: float, y: float) -> float:
    return float(Fraction(x) - Fraction(y))  # exact, then rounded once: IEEE subtraction


def ieee_div(x: float, y: float) -> float:
    return float(Fraction(x) / Fraction(y))  # exact, then rounded once: IEEE division


def normalize(xs) -> list[float]:
    """y[i] = (a[i] - min) / (max - min), each operation rounded once; zeros when max == min."""
    if not xs:
        return []
    lo = hi = xs[0]
    for x in xs:
        lo = x if x < lo else lo
        hi = x if x > hi else hi
    if lo == hi:
        return [0.0] * len(xs)
    span = ieee_sub(hi, lo)
    return [ieee_div(ieee_sub(x, lo), span) for x in xs]


def f64_sha256(ys) -> str:
    """normalize's checksum: the count and SHA-256 of every float64, 8 bytes little-endian."""
    return f"{len(ys)}:{hashlib.sha256(struct.pack(f'<{len(ys)}d', *ys)).hexdigest()}"
