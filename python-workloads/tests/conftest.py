"""Shared helpers: run the runner in a real subprocess, optionally with shadow
modules first on PYTHONPATH (to simulate a missing NumPy or Rust extension)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        lines = self.stdout.splitlines()
        assert len(lines) == 1, f"expected exactly one stdout line, got {self.stdout!r}"
        return json.loads(lines[0])


def run_runner(args: list[str], cwd: Path, shadow: Path | None = None, timeout: float = 120) -> Run:
    env = dict(os.environ)
    if shadow is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(shadow), env.get("PYTHONPATH", "")) if p
        )
    proc = subprocess.run(
        [sys.executable, "-m", "polybench.runner", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def write_shadow(directory: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return directory


@pytest.fixture
def runner(tmp_path):
    """runner(args, shadow_files=None) -> Run, run from an unrelated directory."""
    work = tmp_path / "cwd"
    work.mkdir()

    def _run(args: list[str], shadow_files: dict[str, str] | None = None) -> Run:
        shadow = write_shadow(tmp_path / "shadow", shadow_files) if shadow_files else None
        return run_runner([str(a) for a in args], cwd=work, shadow=shadow)

    return _run
