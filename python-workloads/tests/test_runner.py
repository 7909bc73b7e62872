"""The runner through a real subprocess: JSON output, exit codes 1/2/3."""

import math
import platform

import numpy as np
import pytest

import spec
from polybench import dot, normalize, splitmix64
from polybench.workloads import WORKLOADS

FIELDS = [
    "protocol", "workload", "language", "variant", "size", "threads", "seed",
    "warmup_ns", "samples_ns", "checksum", "checksum_kind", "peak_rss_bytes", "runtime", "extra",
]
# The float workloads these tests know the answers of; test_parallel.py covers `parallel`.
NUMERIC = ["dot", "normalize"]
ALL = [(w, v) for w in NUMERIC for v in WORKLOADS[w]]

SHADOW_NO_RS = {"polybench_rs.py": "raise ImportError('simulated: extension not built')\n"}
SHADOW_NO_NUMPY = {"numpy/__init__.py": "raise ImportError('simulated: numpy not installed')\n"}


def reference_checksum(workload, size, seed):
    """The protocol checksum the spec gives (tests/spec.py), not one of the variants' code."""
    a = splitmix64.pure_doubles(seed, size)
    if workload == "dot":
        b = splitmix64.pure_doubles(seed + 1, size)
        return spec.dot_exact(a, b), size * spec.VERIFY_VALUE
    return spec.f64_sha256(spec.normalize(a))


def assert_checksum(out, workload, size, seed):
    want = reference_checksum(workload, size, seed)
    if workload == "dot":
        assert out["checksum_kind"] == "float"
        seeded, verify = (float(v) for v in out["checksum"].split(" "))
        a = splitmix64.pure_doubles(seed, size)
        assert spec.dot_within_bound(seeded, a, splitmix64.pure_doubles(seed + 1, size))
        assert out["checksum"].split(" ")[0] == repr(seeded)
        assert verify == want[1]
    else:
        assert out["checksum_kind"] == "f64+sha256"
        assert out["checksum"] == want


def test_workload_registry():
    assert {"dot": dot.VARIANTS, "normalize": normalize.VARIANTS}.items() <= WORKLOADS.items()


@pytest.mark.parametrize("workload,variant", ALL)
def test_json_output(runner, workload, variant):
    r = runner(["--workload", workload, "--variant", variant, "--size", 1000,
                "--warmup", 2, "--iterations", 4, "--seed", 7, "--threads", 1])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert list(out) == FIELDS
    assert out["protocol"] == 2
    assert (out["workload"], out["language"], out["variant"]) == (workload, "python", variant)
    assert (out["size"], out["threads"], out["seed"]) == (1000, 1, 7)
    # at least --warmup warm-up entries: calibrating the calls per sample may add some
    assert len(out["warmup_ns"]) >= 2 and len(out["samples_ns"]) == 4
    for key in ("warmup_ns", "samples_ns"):
        assert all(type(t) is int and t >= 0 for t in out[key])
    assert type(out["checksum"]) is str
    assert_checksum(out, workload, 1000, 7)
    assert type(out["peak_rss_bytes"]) is int and out["peak_rss_bytes"] > 1 << 20
    if platform.system() == "Linux":
        assert out["extra"]["cpu_affinity"]  # e.g. "0-1", from /proc/self/status
    rt = out["runtime"]
    assert rt["name"] == platform.python_implementation()
    assert rt["version"] == platform.python_version()
    assert type(rt["executable"]) is str and rt["executable"]
    assert type(rt["gil_enabled"]) is bool
    if "numpy" in variant:
        assert rt["numpy"] == np.__version__
    elif variant in ("pure", "loop"):  # small inputs come without NumPy (test_splitmix64)
        assert "numpy" not in rt
    if variant.startswith("rust-ext"):
        assert isinstance(rt["polybench_rs"], dict) and rt["polybench_rs"]
    else:
        assert "polybench_rs" not in rt


def test_defaults(runner):
    r = runner(["--workload", "dot", "--variant", "pure", "--size", 10])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert (out["threads"], out["seed"]) == (1, 42)
    assert len(out["warmup_ns"]) >= 3 and len(out["samples_ns"]) == 10
    assert_checksum(out, "dot", 10, 42)


def test_short_calls_are_batched_and_the_clock_is_recorded(runner):
    """dot at 10 elements is far shorter than a sample must last: the runner batches calls and
    says how many, with the clock figures the choice rests on (docs/runner-protocol.md)."""
    r = runner(["--workload", "dot", "--variant", "pure", "--size", 10, "--warmup", 0, "--iterations", 3,
                "--warmup-time-ms", 20])
    assert r.returncode == 0, r.stderr
    extra = r.json()["extra"]
    assert extra["clock_overhead_ns"] >= 0 and extra["clock_resolution_ns"] >= 1
    assert extra["sample_target_ns"] >= 100 * max(extra["clock_overhead_ns"], extra["clock_resolution_ns"])
    assert extra["calls_per_sample"] > 1
    assert extra["warmup_elapsed_ns"] >= 20_000_000


def test_long_workloads_are_not_batched(runner):
    r = runner(["--workload", "parallel", "--variant", "threads", "--size", 1000, "--warmup", 0, "--iterations", 2])
    assert r.returncode == 0, r.stderr
    assert r.json()["extra"]["calls_per_sample"] == 1


@pytest.mark.parametrize("workload,variant", ALL)
def test_size_zero(runner, workload, variant):
    r = runner(["--workload", workload, "--variant", variant, "--size", 0,
                "--warmup", 0, "--iterations", 1])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert_checksum(out, workload, 0, 42)
    # --warmup 0: only the calibration's warm-up samples (an empty input's call is short)
    assert len(out["samples_ns"]) == 1 and out["extra"]["calls_per_sample"] >= 1


BASE = {"--workload": "dot", "--variant": "pure", "--size": "10"}


def args_with(**overrides):
    flags = dict(BASE)
    for k, v in overrides.items():
        flags["--" + k] = v
    out = []
    for k, v in flags.items():
        if v is not None:
            out += [k, v]
    return out


BAD = {
    "unknown_workload": (args_with(workload="matmul"), ["--workload", "'matmul'", "dot, normalize"]),
    "unknown_variant": (args_with(variant="cython"),
                        ["--variant", "'cython'", "pure, loop, numpy, rust-ext, rust-ext-numpy"]),
    "size_negative": (args_with(size="-1"), ["--size", "integer >= 0", "'-1'"]),
    "size_not_int": (args_with(size="1e6"), ["--size", "integer >= 0", "'1e6'"]),
    "size_missing": (args_with(size=None), ["--size", "required"]),
    "workload_missing": (args_with(workload=None), ["--workload", "required"]),
    "iterations_zero": (args_with(iterations="0"), ["--iterations", "integer >= 1"]),
    "warmup_negative": (args_with(warmup="-1"), ["--warmup", "integer >= 0"]),
    "threads_zero": (args_with(threads="0"), ["--threads", "integer >= 1"]),
    "seed_negative": (args_with(seed="-1"), ["--seed", "18446744073709551615"]),
    "seed_too_big": (args_with(seed=str(1 << 64)), ["--seed", "18446744073709551615"]),
    "unknown_flag": (args_with() + ["--repeat", "3"], ["--repeat"]),
    "input_not_read": (args_with(input="corpus.txt"), ["--input", "dot"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_arguments_exit_2(runner, case):
    args, needles = BAD[case]
    r = runner(args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    for needle in needles:
        assert needle in lines[0]


MISSING_LIBRARY = [
    # (what is missing, variant, the shadow that hides it, what stderr must say)
    *[("extension", v, SHADOW_NO_RS, ("polybench_rs", "build it with ./bench build", "simulated: extension not built"))
      for v in ("rust-ext", "rust-ext-numpy")],
    *[("numpy", v, SHADOW_NO_NUMPY, ("NumPy is not importable", "simulated: numpy not installed"))
      for v in ("numpy", "rust-ext-numpy")],
]


@pytest.mark.parametrize("workload", NUMERIC)
@pytest.mark.parametrize("missing, variant, shadow, needles", MISSING_LIBRARY,
                         ids=[f"missing-{m}-{v}" for m, v, _, _ in MISSING_LIBRARY])
def test_missing_library_exit_3(runner, workload, missing, variant, shadow, needles):
    r = runner(["--workload", workload, "--variant", variant, "--size", 10], shadow)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert r.stdout == ""
    for needle in needles:
        assert needle in r.stderr, (missing, r.stderr)


@pytest.mark.parametrize("workload", NUMERIC)
def test_pure_runs_without_numpy(runner, workload):
    r = runner(["--workload", workload, "--variant", "pure", "--size", 200,
                "--warmup", 0, "--iterations", 2], SHADOW_NO_NUMPY)
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert "numpy" not in out["runtime"]
    assert_checksum(out, workload, 200, 42)


def test_iterations_disagree_exit_1(runner):
    shadow = {"polybench_rs.py": """
        import itertools
        _n = itertools.count()
        def dot_list(a, b):
            return float(next(_n))
        def build_info():
            return {"fake": True}
    """}
    r = runner(["--workload", "dot", "--variant", "rust-ext", "--size", 10,
                "--warmup", 1, "--iterations", 2], shadow)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert "disagrees" in r.stderr


def test_unexpected_exception_exit_1_with_traceback(runner):
    shadow = {"polybench_rs.py": """
        def dot_list(a, b):
            raise RuntimeError("boom from the kernel")
    """}
    r = runner(["--workload", "dot", "--variant", "rust-ext", "--size", 10], shadow)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert "Traceback" in r.stderr and "RuntimeError: boom from the kernel" in r.stderr


def test_variant_suffix_names_every_variant(runner, monkeypatch):
    # the free-threaded venv's runner (harness runner "python-ft") tells its cells apart by the suffix
    monkeypatch.setenv("POLYBENCH_VARIANT_SUFFIX", "-ft")
    listed = {(r["workload"], r["variant"]) for r in __import__("json").loads(runner(["--list"]).stdout)["implementations"]}
    assert ("parallel", "threads-ft") in listed and ("parallel", "threads") not in listed
    r = runner(["--workload", "dot", "--variant", "pure-ft", "--size", 10])
    assert r.returncode == 0, r.stderr
    assert r.json()["variant"] == "pure-ft"
    assert_checksum(r.json(), "dot", 10, 42)
    bad = runner(["--workload", "dot", "--variant", "pure", "--size", 10])
    assert bad.returncode == 2 and "pure-ft" in bad.stderr


def test_no_calibration_makes_every_sample_one_call(runner):
    # the harness's instruction counts pass it: the calls counted must not depend on the clock
    r = runner(["--workload", "dot", "--variant", "pure", "--size", 1, "--warmup", 2,
                "--iterations", 3, "--no-calibration"])
    assert r.returncode == 0, r.stderr
    extra = r.json()["extra"]
    assert extra["calls_per_sample"] == 1
    assert extra["sample_target_ns"] is None
