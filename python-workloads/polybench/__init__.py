"""Python workloads of the polybench harness.

Run one measurement with ``python -m polybench.runner`` (docs/runner-protocol.md).
Importing this package never imports NumPy or the Rust extension: the runner
has to set the BLAS thread limits first, and a missing dependency must be
reported as exit 3, not as an import crash.
"""

PROTOCOL_VERSION = 2
