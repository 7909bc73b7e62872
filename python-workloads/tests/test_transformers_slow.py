"""tokenize python/transformers-slow: transformers' pure-Python BERT tokenizer against the spec's
vectors (tests/fixtures/tokenize-vectors.json, ids from Hugging Face tokenizers, the oracle) and
python/pure, and the two rules where it differs from the spec (docs/workloads.md, tokenize):
it deletes control characters, and keeps a special token written as a whole word."""

from __future__ import annotations

import pytest

import tokenize_vectors as tv
from polybench import tokenization as tk

pytest.importorskip("transformers", reason="pip install -r python-workloads/requirements.txt")

VECTORS = tv.load()
CASES = VECTORS["cases"]
VOCAB = VECTORS["vocab"]
ID = {t: i for i, t in enumerate(VOCAB)}
# The vector cases that contain what the slow tokenizer does differently (its names, by the spec).
DIFFERING = {"fixed text", "special tokens in text are text",  # "[CLS]", "[UNK]" as words
             "vertical tab and form feed split", "other control characters do not split"}


@pytest.fixture(scope="module")
def slow():
    tok = tk.slow_bert_tokenizer(VOCAB)
    return lambda text: tok.encode(text, add_special_tokens=False)


@pytest.fixture(scope="module")
def pure():
    return tk.PureWordPiece(VOCAB).encode


def spec(text: str) -> list[int]:
    """The spec's ids for a text the vectors do not hold: python/pure, itself checked against
    the vectors in test_tokenize.py and below."""
    return tk.PureWordPiece(VOCAB).encode(text)


def test_the_differing_cases_are_exactly_the_flagged_ones():
    flagged = {c["name"] for c in CASES if tk.slow_bert_difference([c["text"].replace("\n", " ")])}
    assert flagged == DIFFERING


@pytest.mark.parametrize("case", [c for c in CASES if c["name"] not in DIFFERING], ids=lambda c: c["name"])
def test_slow_equals_the_spec_vectors_and_pure(slow, pure, case):
    assert slow(case["text"]) == case["ids"]
    assert pure(case["text"]) == case["ids"]


def test_the_fixed_text_agrees_once_its_special_token_is_written_in_lower_case(slow):
    text = next(c["text"] for c in CASES if c["name"] == "fixed text")
    assert "[CLS]" in text
    assert slow(text.replace("[CLS]", "[cls]")) == spec(text)  # the spec lowercases it anyway


# --- where BertTokenizer differs from the spec: shown, and refused before timing -------------

@pytest.mark.parametrize("ch", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1c", "\x1f", "\x7f"])
def test_control_characters_are_deleted_where_the_spec_splits_or_keeps(slow, ch):
    text = f"fox{ch}dog"
    assert slow(text) == spec("foxdog")  # _clean_text drops the character
    assert slow(text) != spec(text)      # the spec: \v and \f split, the others stay in the word
    assert "control character 0x%02x" % ord(ch) in tk.slow_bert_difference(["ok", text])
    assert "line 2, byte 4" in tk.slow_bert_difference(["ok", text])


@pytest.mark.parametrize("token", ["[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]"])
def test_a_special_token_as_a_word_is_one_token(slow, token):
    for before, after in (("", ""), ("the ", " dog"), ("the\t", ""), ("", " dog")):
        text = before + token + after
        assert slow(text) == spec(before) + [ID[token]] + spec(after), text  # its id: one token
        assert spec(text) == spec(before) + [ID["["]] + spec(token[1:-1]) + [ID["]"]] + spec(after)
        assert token in tk.slow_bert_difference([text])


@pytest.mark.parametrize("text", ["x[UNK]", "[UNK]x", "[unk]", "[Unk] dog", "[UNK.", "(the [MASK)",
                                  "tab\tand\rreturn", "plain text, (punctuation) & 1,234"])
def test_special_tokens_inside_words_and_other_text_follow_the_spec(slow, text):
    assert tk.slow_bert_difference([text]) is None
    assert slow(text) == spec(text)


# --- through the runner -----------------------------------------------------------------------

def _corpus(tmp_path, docs):
    d = tmp_path / "data"
    d.mkdir(exist_ok=True)
    (d / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="ascii")
    p = d / "corpus.txt"
    p.write_text("".join(t + "\n" for t in docs), encoding="ascii", newline="")
    return p


def test_runner_agrees_with_the_oracle_and_records_its_version(runner, tmp_path):
    import transformers

    docs = [c["text"].replace("\n", " ") for c in CASES if c["name"] not in DIFFERING]
    p = _corpus(tmp_path, docs)
    r = runner(["--workload", "tokenize", "--variant", "transformers-slow", "--size", p.stat().st_size,
                "--input", p, "--warmup", 1, "--iterations", 2])
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert out["checksum"] == tk.checksum([tv.hf_ids(VOCAB, t) for t in docs])
    assert out["checksum_kind"] == "docs+tokens+fnv64"
    assert out["extra"]["documents"] == len(docs) and out["extra"]["doc_latency_ns"]["count"] == -(-1000 // len(docs)) * len(docs)
    assert out["runtime"]["transformers"] == transformers.__version__ == tk.TRANSFORMERS_PIN.split("==")[1]


def test_runner_refuses_a_corpus_where_the_rules_differ(runner, tmp_path):
    p = _corpus(tmp_path, ["the dog", "fox\x0bdog"])
    r = runner(["--workload", "tokenize", "--variant", "transformers-slow", "--size", p.stat().st_size,
                "--input", p])
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert r.stdout == ""
    assert "python/transformers-slow is unavailable on --input" in r.stderr
    assert "line 2, byte 4 is the control character 0x0b" in r.stderr


def test_runner_without_transformers_is_unavailable_with_the_install_command(runner, tmp_path):
    p = _corpus(tmp_path, ["the dog"])
    shadow = {"transformers/__init__.py": "raise ImportError('simulated: transformers not installed')\n"}
    r = runner(["--workload", "tokenize", "--variant", "transformers-slow", "--size", p.stat().st_size,
                "--input", p], shadow)
    assert r.returncode == 3, r.stderr
    assert "simulated: transformers not installed" in r.stderr
    assert "pip install -r python-workloads/requirements.txt" in r.stderr and "transformers==5.23.0" in r.stderr
