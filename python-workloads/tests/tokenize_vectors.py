"""The shared tokenize test vectors (tests/fixtures/tokenize-vectors.json): a small vocabulary
and texts with the ids Hugging Face tokenizers gives them. Every language's tests load the file;
test_tokenize.py checks that HF still gives these ids. Regenerate after changing the cases with:
``python-workloads/.venv/bin/python python-workloads/tests/tokenize_vectors.py``."""

from __future__ import annotations

import json
import string
from pathlib import Path

FILE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "tokenize-vectors.json"


def vocabulary() -> list[str]:
    v = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    v += list(string.punctuation)
    v += list(string.digits) + list(string.ascii_lowercase)
    v += ["##" + c for c in string.digits]
    v += ["##" + c for c in string.ascii_lowercase if c != "q"]  # no ##q: "aqua" is [UNK]
    v += ["the", "quick", "brown", "fox", "jump", "over", "lazy", "dog", "un", "##aff", "##able",
          "hello", "world", "token", "##ize", "##ed", "##ing", "##s", "run", "##n", "20", "##24",
          "##xxxx", "it", "don", "isn", "well", "known", "e", "##mail", "com"]
    seen, out = set(), []
    for t in v:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def cases() -> list[tuple[str, str]]:
    return [
        ("fixed text",
         "The QUICK brown fox jumped over the lazy dogs! Hello, world: tokenizing un-affable "
         "text in 2024 (it's well-known) -- e-mail me@example.com; aqua #1 [CLS] ##ing."),
        ("empty", ""),
        ("only spaces", "   "),
        ("only punctuation", string.punctuation + "!!..??"),
        ("100-character word", "x" * 100),
        ("101-character word", "x" * 101),
        ("101 characters with a capital", "X" * 101 + " dog"),
        ("unknown pieces", "aqua qat unaffable unaffablex zzq"),
        ("repeated spaces", "the    quick  \t  fox"),
        ("tabs and newlines", "hello\tworld\nfox\r\ndog\n"),
        ("vertical tab and form feed split", "fox\x0bdog\x0cthe"),
        ("other control characters do not split", "fox\x1cdog \x00 the\x7f dog\x1fx \x01"),
        ("uppercase and digits", "RUN RUNS Run 1999 2024 20 0"),
        ("special tokens in text are text", "[UNK] [MASK]"),
        ("leading and trailing whitespace", " \t hello world \n "),
    ]


def hf_ids(vocab: list[str], text: str) -> list[int]:
    from polybench.tokenization import hf_tokenizer

    return hf_tokenizer(vocab).encode(text, add_special_tokens=False).ids


def build() -> dict:
    import tokenizers

    vocab = vocabulary()
    return {
        "about": "tokenize test vectors: ids from Hugging Face tokenizers " + tokenizers.__version__
                 + " (BertNormalizer(lowercase, clean_text=False), BertPreTokenizer, WordPiece(max_input_chars_per_word=100)); "
                 "regenerate with python-workloads/tests/tokenize_vectors.py",
        "vocab": vocab,
        "cases": [{"name": n, "text": t, "ids": hf_ids(vocab, t)} for n, t in cases()],
    }


def load() -> dict:
    return json.loads(FILE.read_text(encoding="ascii"))


if __name__ == "__main__":
    FILE.write_text(json.dumps(build(), indent=1, ensure_ascii=True) + "\n", encoding="ascii")
    print(f"wrote {FILE}")
