"""Registry of the workloads: name -> that module's VARIANTS (variant name -> Row: kind, description, loader)."""

from __future__ import annotations

from . import binary_trees, dot, normalize, parallel, tokenization
from .variants import Row

WORKLOADS: dict[str, dict[str, Row]] = {
    "dot": dot.VARIANTS,
    "normalize": normalize.VARIANTS,
    "parallel": parallel.VARIANTS,
    "tokenize": tokenization.VARIANTS,
    "binary-trees": binary_trees.VARIANTS,
}

# Workloads that read --input (the others make their input from --seed and reject it).
READS_INPUT = {"tokenize"}
