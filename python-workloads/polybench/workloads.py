"""Registry of the workloads: name -> that module's VARIANTS (variant name -> Row: kind, description, loader)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .variants import Row

#: workload name -> the module that defines its VARIANTS
MODULES = {
    "dot": "dot",
    "normalize": "normalize",
    "parallel": "parallel",
    "tokenize": "tokenization",
    "binary-trees": "binary_trees",
}


class _Registry(Mapping):
    """WORKLOADS: a workload's module is imported when its variants are first asked for, so a
    runner process loads only the one it measures (importing all five, multiprocessing and the
    tokenizer's tables with them, cost each process ~25 ms)."""

    def __getitem__(self, name: str) -> dict[str, Row]:
        if name not in MODULES:
            raise KeyError(name)
        return importlib.import_module(f"{__package__}.{MODULES[name]}").VARIANTS

    def __iter__(self) -> Iterator[str]:
        return iter(MODULES)

    def __len__(self) -> int:
        return len(MODULES)


WORKLOADS: Mapping[str, dict[str, Row]] = _Registry()

# Workloads that read --input (the others make their input from --seed and reject it).
READS_INPUT = {"tokenize"}
