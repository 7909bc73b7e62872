"""Registry of the workloads: name -> that module's VARIANTS (variant name -> loader)."""

from __future__ import annotations

from . import dot, normalize
from .variants import Loader

WORKLOADS: dict[str, dict[str, Loader]] = {
    "dot": dot.VARIANTS,
    "normalize": normalize.VARIANTS,
}
