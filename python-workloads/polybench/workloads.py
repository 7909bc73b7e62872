"""Registry of the workloads: name -> that module's VARIANTS (variant name -> loader)."""

from __future__ import annotations

from . import dot, normalize, parallel, tokenization
from .variants import Loader

WORKLOADS: dict[str, dict[str, Loader]] = {
    "dot": dot.VARIANTS,
    "normalize": normalize.VARIANTS,
    "parallel": parallel.VARIANTS,
    "tokenize": tokenization.VARIANTS,
}

# Workloads that read --input (the others make their input from --seed and reject it).
READS_INPUT = {"tokenize"}
