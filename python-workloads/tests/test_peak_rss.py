"""Peak RSS is the runner's own (VmHWM), not its parent's.

Regression: the runner read getrusage(RUSAGE_SELF).ru_maxrss, which on Linux
survives fork and exec and starts from the parent's peak, so every python/* cell
started by the harness JVM reported ~90 MB at 1e3 elements (rust/*: 7 MB)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from polybench import runner

MIB = 1 << 20
PARENT_HOLDS = 400 * MIB


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux's /proc")
def test_peak_rss_is_not_inherited_from_a_parent_holding_400_mib(tmp_path):
    # The parent touches 400 MiB (every page written, so it is resident), then runs
    # the runner as its child, as the harness JVM does.
    parent = textwrap.dedent(f"""
        import subprocess, sys
        held = bytearray({PARENT_HOLDS})
        for i in range(0, len(held), 4096):
            held[i] = 1
        r = subprocess.run([sys.executable, "-m", "polybench.runner", "--workload", "dot",
                            "--variant", "pure", "--size", "1000", "--warmup", "1",
                            "--iterations", "2"], capture_output=True, text=True)
        sys.stderr.write(r.stderr)
        sys.stdout.write(r.stdout)
        sys.exit(r.returncode)
    """)
    proc = subprocess.run([sys.executable, "-c", parent], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    rss = out["peak_rss_bytes"]
    # CPython with NumPy imported and two lists of 1000 floats: tens of MiB. ru_maxrss
    # reported the parent's 400+ MiB here.
    assert 4 * MIB < rss < 100 * MIB, f"peak RSS {rss / MIB:.1f} MiB: the parent's 400 MiB leaked in"
    assert "peak_rss_unavailable" not in out["extra"]


@pytest.fixture
def proc_status(monkeypatch, tmp_path):
    """Makes /proc/self/status read as the given text."""
    def fake(text):
        status = tmp_path / "status"
        status.write_text(text)
        real_open = open
        monkeypatch.setattr("builtins.open", lambda p, *a, **k: real_open(
            status if p == "/proc/self/status" else p, *a, **k))
    return fake


def test_peak_rss_reads_vmhwm_in_kib(proc_status):
    proc_status("Name:\tpython\nVmPeak:\t  999999 kB\nVmHWM:\t   12345 kB\nVmRSS:\t 1 kB\n")
    assert runner.peak_rss() == (12345 * 1024, {})


def test_peak_rss_missing_vmhwm_is_said_not_replaced(proc_status):
    proc_status("Name:\tpython\nVmRSS:\t 1 kB\n")
    rss, extra = runner.peak_rss()
    assert rss is None
    assert "VmHWM" in extra["peak_rss_unavailable"]


def test_peak_rss_without_procfs_is_said_not_replaced(monkeypatch):
    def no_proc(p, *a, **k):
        raise FileNotFoundError(2, "No such file or directory", p)

    monkeypatch.setattr("builtins.open", no_proc)
    rss, extra = runner.peak_rss()
    assert rss is None
    assert "no VmHWM" in extra["peak_rss_unavailable"]
