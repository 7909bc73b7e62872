"""``python -m polybench.runner --list``: the catalogue of docs/runner-protocol.md (version 2).

The expected kinds are the spec's table (the catalogue spec the harness checks every runner
against), not read from the code under test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The spec's kinds of the Python runner's implementations (python/graalpy is the GraalPy runner's).
SPEC_KINDS = {
    "pure": "naive", "loop": "naive", "numpy": "idiomatic", "rust-ext": "optimized", "rust-ext-numpy": "optimized",
    "threads": "naive", "threads-pool": "idiomatic", "processes": "idiomatic", "rust-ext-threads": "optimized", "rust-ext-pool": "optimized",
    "numpy-threads": "idiomatic", "hf-tokenizers": "idiomatic", "hf-tokenizers-batch": "idiomatic",
    "transformers-slow": "naive",
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "polybench.runner", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def listing() -> dict:
    p = run("--list")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_list_is_one_json_document_with_the_spec_fields(listing):
    assert listing["protocol"] == 2
    assert listing["runner"] == "python" and listing["language"] == "python"
    assert listing["implementations"], "lists something"
    for row in listing["implementations"]:
        assert set(row) == {"workload", "variant", "kind", "description", "available", "reason", "opt_in"}
        assert row["kind"] in ("naive", "idiomatic", "optimized")
        assert row["description"].strip() and "\n" not in row["description"]
        assert isinstance(row["available"], bool)
        assert (row["reason"] is None) == row["available"]
        assert row["opt_in"] is False


def test_kinds_are_the_specs(listing):
    assert {r["variant"]: r["kind"] for r in listing["implementations"]} == SPEC_KINDS


def test_list_ignores_other_flags():
    p = run("--workload", "nope", "--list", "--size", "-5")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["runner"] == "python"


def test_every_available_listed_row_is_accepted(listing):
    for row in listing["implementations"]:
        args = ["--workload", row["workload"], "--variant", row["variant"], "--warmup", "0", "--iterations", "1"]
        if row["workload"] == "tokenize":
            continue  # needs vocab.txt beside the corpus: covered by test_tokenize's runner tests
        # binary-trees' size is a tree depth (at most 22); the others count elements
        p = run(*args, "--size", "8" if row["workload"] == "binary-trees" else "64")
        if row["available"]:
            assert p.returncode == 0, (row, p.stderr)
            out = json.loads(p.stdout)
            assert (out["workload"], out["variant"], out["protocol"]) == (row["workload"], row["variant"], 2)
        else:
            assert p.returncode == 3, (row, p.stderr)
            assert row["reason"].split(": ", 1)[1] in p.stderr


def test_unknown_variant_names_the_known_ones(listing):
    for workload in {r["workload"] for r in listing["implementations"]}:
        p = run("--workload", workload, "--variant", "nope", "--size", "1")
        assert p.returncode == 2
        known = [r["variant"] for r in listing["implementations"] if r["workload"] == workload]
        assert ", ".join(known) in p.stderr, p.stderr
