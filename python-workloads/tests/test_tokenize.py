"""tokenize: every Python implementation equals Hugging Face tokenizers, on the shared vectors
(tests/fixtures/tokenize-vectors.json) and through the runner and the oracle."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tokenize_vectors as tv
from polybench import tokenization as tk

VECTORS = tv.load()
CASES = VECTORS["cases"]
VOCAB = VECTORS["vocab"]
IDS = [c["name"] for c in CASES]


# --- the shared vectors ----------------------------------------------------------------------

def test_vectors_file_is_current():
    """The file's cases are the generator's, and HF still gives the recorded ids."""
    assert VOCAB == tv.vocabulary()
    assert [(c["name"], c["text"]) for c in CASES] == tv.cases()
    for c in CASES:
        assert tv.hf_ids(VOCAB, c["text"]) == c["ids"], c["name"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_pure_equals_hf(case):
    assert tk.PureWordPiece(VOCAB).encode(case["text"]) == case["ids"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rust_ext_equals_hf(case):
    import polybench_rs

    assert polybench_rs.WordPiece(VOCAB).encode(case["text"]) == case["ids"]


def test_rust_ext_rejects_non_ascii_and_a_vocab_without_unk():
    import polybench_rs

    with pytest.raises(ValueError, match="not ASCII"):
        polybench_rs.WordPiece(VOCAB).encode("caf\u00e9")
    with pytest.raises(ValueError, match=r"\[UNK\]"):
        polybench_rs.WordPiece(["a", "b"])


def test_the_oracle_pipeline_is_the_spec_on_control_characters():
    """clean_text=True would delete \\v and \\x01 instead of splitting on / keeping them."""
    ids = tv.hf_ids(VOCAB, "fox\x0bdog fox\x01dog")
    assert ids == [VOCAB.index("fox"), VOCAB.index("dog"), VOCAB.index("[UNK]")]


# --- helpers ---------------------------------------------------------------------------------

def _fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & ((1 << 64) - 1)
    return h


def test_checksum_is_count_and_fnv1a_over_each_documents_count_then_ids_u32_le():
    # docs/workloads.md, byte by byte
    assert tk.checksum([]) == "0:cbf29ce484222325"
    assert tk.checksum([[]]) == f"0:{_fnv1a(bytes(4)):016x}"
    stream = bytes([2, 0, 0, 0, 0x01, 0x02, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
    assert tk.checksum([[0x0201, 0xFFFFFFFF], []]) == f"2:{_fnv1a(stream):016x}"


def test_corpus_tokenized_as_one_document_gives_another_checksum():
    per_doc = [[7, 8], [9]]
    assert tk.checksum(per_doc) != tk.checksum([[7, 8, 9]])
    assert tk.checksum(per_doc).split(":")[0] == "3"


def test_documents_are_lines():
    assert tk.documents("") == []
    assert tk.documents("\n") == [""]
    assert tk.documents("a\nb") == ["a", "b"]
    assert tk.documents("a\n\nb\n") == ["a", "", "b"]


def test_first_non_ascii_names_line_and_byte():
    assert tk.first_non_ascii(b"abc\n") is None
    assert tk.first_non_ascii("ab\ncd\u00e9".encode()) == "line 2, byte 3 (offset 5 in the file) is 0xc3, not ASCII"


def test_nearest_rank_percentiles():
    p = tk.latency_percentiles(range(1000, 0, -1))
    assert p == {"p50": 500, "p90": 900, "p99": 990, "p99_9": 999, "max": 1000, "count": 1000}
    assert tk.latency_percentiles([7])["p99_9"] == 7
    assert tk.latency_percentiles([])["count"] == 0


# --- runner and oracle, in real subprocesses -------------------------------------------------

TEXT = "".join(c["text"].replace("\n", " ") + "\n" for c in CASES)
EXPECTED = tk.checksum([tv.hf_ids(VOCAB, c["text"].replace("\n", " ")) for c in CASES])


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    (d / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="ascii")
    p = d / "corpus.txt"
    p.write_text(TEXT, encoding="ascii", newline="")
    return p


# transformers-slow refuses this corpus (its control characters and [CLS]): test_transformers_slow.py
@pytest.mark.parametrize("variant", [v for v in tk.VARIANTS if v != "transformers-slow"])
def test_runner_variants_agree_with_hf(runner, corpus, variant):
    size = corpus.stat().st_size
    r = runner(["--workload", "tokenize", "--variant", variant, "--size", size, "--input", corpus,
                "--warmup", 1, "--iterations", 3])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert out["checksum"] == EXPECTED
    assert out["checksum_kind"] == "docs+tokens+fnv64"
    assert len(out["samples_ns"]) == 3 and len(out["warmup_ns"]) == 1
    assert out["extra"]["documents"] == len(CASES)
    if variant == "hf-tokenizers-batch":
        assert "doc_latency_ns" not in out["extra"]
        assert out["runtime"]["rayon_num_threads"] == "1"
    else:
        lat = out["extra"]["doc_latency_ns"]
        # from whole passes after the measured ones, enough for 1,000 document times
        assert lat["count"] == -(-1000 // len(CASES)) * len(CASES)
        assert 0 < lat["p50"] <= lat["p90"] <= lat["p99"] <= lat["p99_9"] <= lat["max"]
    if variant.startswith("hf-"):
        assert out["runtime"]["tokenizers"] and out["runtime"]["tokenizers_parallelism"] == "false"


def test_runner_bad_input_exits_2(runner, corpus, tmp_path):
    size = corpus.stat().st_size
    base = ["--workload", "tokenize", "--variant", "pure"]
    cases = {
        "no --input": (base + ["--size", size], "--input is required"),
        "wrong size": (base + ["--size", size + 1, "--input", corpus], f"has {size} bytes"),
        "missing file": (base + ["--size", 3, "--input", tmp_path / "nope.txt"], "cannot read"),
    }
    bad = tmp_path / "data" / "bad.txt"
    bad.write_bytes(b"ok\nna\xc3\xafve\n")
    cases["non-ascii"] = (base + ["--size", 10, "--input", bad], "line 2, byte 3")
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("hello\n")
    cases["no vocab"] = (base + ["--size", 6, "--input", lonely], "vocab.txt")
    for name, (args, needle) in cases.items():
        r = runner(args)
        assert r.returncode == 2, (name, r.stdout, r.stderr)
        assert r.stdout == "" and len(r.stderr.splitlines()) == 1 and needle in r.stderr, (name, r.stderr)


def test_runner_without_tokenizers_is_unavailable(runner, corpus):
    shadow = {"tokenizers/__init__.py": "raise ImportError('simulated: tokenizers not installed')\n"}
    r = runner(["--workload", "tokenize", "--variant", "hf-tokenizers", "--size", corpus.stat().st_size,
                "--input", corpus], shadow)
    assert r.returncode == 3, r.stderr
    assert "simulated: tokenizers not installed" in r.stderr


def _oracle(args, cwd):
    return subprocess.run([sys.executable, "-m", "polybench.oracle", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_oracle_prints_the_reference(corpus, tmp_path):
    r = _oracle(["--input", corpus], tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["checksum"] == EXPECTED
    assert out["documents"] == len(CASES)
    bad = tmp_path / "data" / "bad.txt"
    bad.write_bytes(b"\xff\n")
    r = _oracle(["--input", bad], tmp_path)
    assert r.returncode == 2 and "line 1, byte 1" in r.stderr
