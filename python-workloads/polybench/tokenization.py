"""Workload ``tokenize`` (docs/workloads.md): BERT WordPiece over a corpus, one document per line.

Spec: ASCII lowercase; split on whitespace (space, \\t, \\n, \\v, \\f, \\r: exactly these six);
every ASCII punctuation character is a token of its own; WordPiece greedy longest-match-first
with ``##`` continuation pieces; a word longer than 100 characters, or one that cannot be matched
completely, is ``[UNK]`` as a whole. Hugging Face ``tokenizers`` is the oracle.

The runner gives ``--input corpus.txt`` (``vocab.txt`` sits next to it). Each measured iteration
tokenizes every document, one call per document, timed with one clock read per document
boundary; the iteration's time is the sum of its documents' times. Checksum: ``"<count>:<fnv>"``,
the number of ids and FNV-1a 64 over, per document, its id count and then its ids, each as u32
little-endian (``checksum_kind`` ``docs+tokens+fnv64``): the document boundaries are part of it.

Variants: ``pure`` (plain Python), ``hf-tokenizers`` (the library, one document per call,
single-threaded), ``hf-tokenizers-batch`` (``encode_batch`` over the whole corpus on ``--threads``
rayon threads), ``rust-ext`` (our Rust tokenizer via PyO3, one document per call),
``transformers-slow`` (transformers' pure-Python BERT tokenizer, one document per call; it
refuses a corpus where its rules differ from the spec, see ``slow_bert_difference``).
"""

from __future__ import annotations

import hashlib
import os
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .measure import Measurement, iterate
from .variants import BadInput, Unavailable, missing_fix, require_rs, Row

WHITESPACE = " \t\n\x0b\x0c\r"
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
MAX_INPUT_CHARS_PER_WORD = 100
UNK = "[UNK]"
CONTINUATION = "##"
VOCAB_FILE = "vocab.txt"
CHECKSUM_KIND = "docs+tokens+fnv64"

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1


# --- input -----------------------------------------------------------------------------------

def first_non_ascii(data: bytes) -> str | None:
    """'line 3, byte 17 (offset 120 in the file) is 0xc3, not ASCII', or None."""
    for i, b in enumerate(data):
        if b >= 0x80:
            line_start = data.rfind(b"\n", 0, i) + 1
            line = data.count(b"\n", 0, i) + 1
            return f"line {line}, byte {i - line_start + 1} (offset {i} in the file) is 0x{b:02x}, not ASCII"
    return None


def documents(text: str) -> list[str]:
    """One document per line; a final newline ends the last line rather than starting one."""
    if not text:
        return []
    docs = text.split("\n")
    if text.endswith("\n"):
        docs.pop()
    return docs


def read_corpus(path: str | os.PathLike, size: int) -> list[str]:
    """The documents of --input, checked against the spec and --size (BadInput: exit 2)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise BadInput(f"--input {path}: cannot read it ({e.strerror or e})") from e
    if not data.isascii():
        raise BadInput(f"--input {path}: {first_non_ascii(data)}; the tokenize spec covers ASCII text only")
    if len(data) != size:
        raise BadInput(f"--size {size} but --input {path} has {len(data)} bytes; pass --size {len(data)}")
    return documents(data.decode("ascii"))


def load_vocab(corpus_path: str | os.PathLike) -> list[str]:
    """vocab.txt next to the corpus: one token per line, the line number is the id."""
    p = Path(corpus_path).with_name(VOCAB_FILE)
    try:
        text = p.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"--input: cannot read the vocabulary {p} that must sit next to the corpus ({e})") from e
    tokens = text.split("\n")
    if tokens and tokens[-1] == "":
        tokens.pop()
    if UNK not in tokens:
        raise BadInput(f"--input: the vocabulary {p} has no {UNK} token")
    return tokens


# --- checksum --------------------------------------------------------------------------------

def fnv1a_ids(ids) -> int:
    """FNV-1a 64 over each id as 4 bytes, little-endian."""
    h = FNV_OFFSET
    for x in ids:
        h = ((h ^ (x & 0xFF)) * FNV_PRIME) & MASK64
        h = ((h ^ ((x >> 8) & 0xFF)) * FNV_PRIME) & MASK64
        h = ((h ^ ((x >> 16) & 0xFF)) * FNV_PRIME) & MASK64
        h = ((h ^ (x >> 24)) * FNV_PRIME) & MASK64
    return h


def checksum(per_doc) -> str:
    """'<count>:<16 hex digits>' of the documents' ids (one sequence per document): the
    number of ids, and FNV-1a 64 over each document's id count followed by its ids."""
    return checksum_framed(frame(per_doc))


def frame(per_doc) -> array:
    """Each document's id count, then its ids, as one u32 stream (what the checksum hashes):
    tokenizing two documents as one gives another stream, so another checksum."""
    framed = array("I")
    for ids in per_doc:
        framed.append(len(ids))
        framed.extend(ids)
    return framed


def checksum_framed(framed: array) -> str:
    """The checksum of a ``frame`` stream: the count excludes the documents' lengths."""
    ids = i = 0
    while i < len(framed):
        ids += framed[i]
        i += framed[i] + 1
    return f"{ids}:{fnv1a_ids(framed):016x}"


def flatten(per_doc) -> array:
    flat = array("I")
    for ids in per_doc:
        flat.extend(ids)
    return flat


# --- the pure-Python tokenizer ---------------------------------------------------------------

_P = re.escape(PUNCTUATION)
# A run of characters that are neither whitespace nor punctuation, or one punctuation character.
# Whitespace is listed explicitly: str.split() would also split on \x1c-\x1f, which the spec
# (and Hugging Face) treat as ordinary characters.
_WORDS = re.compile(f"[^{re.escape(WHITESPACE)}{_P}]+|[{_P}]")


class PureWordPiece:
    """Plain Python, as a Python developer writes it: a dict and substring slicing."""

    def __init__(self, vocab: list[str]):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.unk = self.vocab[UNK]

    def encode(self, text: str) -> list[int]:
        vocab, unk = self.vocab, self.unk
        out: list[int] = []
        for word in _WORDS.findall(text.lower()):
            n = len(word)
            if n > MAX_INPUT_CHARS_PER_WORD:
                out.append(unk)
                continue
            whole = vocab.get(word)
            if whole is not None:
                out.append(whole)
                continue
            pieces = []
            start = 0
            while start < n:
                end = n
                while end > start:
                    piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                    found = vocab.get(piece)
                    if found is not None:
                        break
                    end -= 1
                else:
                    pieces = None
                    break
                pieces.append(found)
                start = end
            if pieces is None:
                out.append(unk)
            else:
                out.extend(pieces)
        return out


# --- Hugging Face tokenizers ----------------------------------------------------------------

def hf_tokenizer(vocab: list[str]):
    """The oracle's pipeline: exactly the spec on ASCII text (see docs/workloads.md).

    clean_text=False: the BERT cleaner would delete \\v, \\f and other control characters
    instead of splitting on (or keeping) them. handle_chinese_chars and strip_accents change
    nothing on ASCII, and are off so that nothing beyond the spec runs.
    """
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    tok = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token=UNK,
                                     max_input_chars_per_word=MAX_INPUT_CHARS_PER_WORD))
    tok.normalizer = normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=False,
                                                strip_accents=False, lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tok


def _require_tokenizers():
    # Importing does not start rayon's pool (the first parallel call does), so the threading
    # environment set later, before any call, still applies.
    try:
        import tokenizers  # noqa: F401
    except ImportError as e:
        raise Unavailable(
            f"Hugging Face tokenizers is not importable ({e}); " + missing_fix("tokenizers", "install it with: "
            "pip install -r python-workloads/requirements.txt (./bench build does)")
        ) from e


# --- measurement -----------------------------------------------------------------------------

def latency_percentiles(latencies) -> dict:
    """Nearest-rank percentiles (the smallest value with at least p% of values <= it)."""
    xs = sorted(latencies)
    n = len(xs)
    if n == 0:
        return {"p50": 0, "p90": 0, "p99": 0, "p99_9": 0, "max": 0, "count": 0}

    def rank(p_permille: int) -> int:
        k = -(-p_permille * n // 1000)  # ceil(p * n)
        return xs[max(k, 1) - 1]

    return {"p50": rank(500), "p90": rank(900), "p99": rank(990), "p99_9": rank(999),
            "max": xs[-1], "count": n}


@dataclass(frozen=True)
class TokenizeImpl:
    """A tokenize variant. ``make(vocab) -> encode`` runs before timing; ``encode(doc)`` gives a
    document's ids (or, for a batch variant, ``encode(docs)`` gives every document's ids)."""

    make: Callable[[list[str]], Callable]
    batch: bool = False
    env: Callable[[int], dict] | None = None  # environment to set before the library loads
    runtime: Callable[[], dict] | None = None
    checksum_kind: str = CHECKSUM_KIND
    # (docs) -> None, or why this variant's rules cannot give the spec's ids on this corpus
    refuses: Callable[[list[str]], str | None] | None = None

    def runtime_info(self, threads: int) -> dict:
        """Entries for the result's ``runtime``: library version, the threading environment."""
        info = dict(self.runtime() if self.runtime else {})
        info.update({k.lower(): v for k, v in (self.env(threads) if self.env else {}).items()})
        return info

    def measure_protocol(self, args) -> Measurement:
        """The runner's measurement for tokenize (its own loop: --input, per-document times)."""
        if args.input is None:
            raise BadInput("--input is required for workload 'tokenize': pass --input corpus.txt "
                           "(with vocab.txt next to it; ./bench run makes both)")
        env = self.env(args.threads) if self.env else {}
        os.environ.update(env)
        docs = read_corpus(args.input, args.size)
        why = self.refuses(docs) if self.refuses else None
        if why:
            raise Unavailable(f"on --input {args.input}: {why}")
        encode = self.make(load_vocab(args.input))
        m = measure(encode, docs, args.warmup, args.iterations, self.batch,
                    warmup_time_ns=getattr(args, "warmup_time_ms", 0) * 1_000_000)
        extra = {"documents": len(docs), "gc": m["gc"]}
        if not self.batch:
            extra["doc_latency_ns"] = latency_percentiles(m["latencies"])
        return Measurement(m["warmup_ns"], m["samples_ns"], m["checksum"], extra)


def measure(encode, docs: list[str], warmup: int, iterations: int, batch: bool, warmup_time_ns: int = 0) -> dict:
    """Times ``warmup + iterations`` passes over the corpus with the runner's one loop
    (``measure.iterate``): one call over all documents (batch), or one call per document, timed
    as a whole, with each document's own time from passes after the measured ones
    (``measure.item_latencies``). Outputs are compared across iterations by digest; the FNV
    checksum (slow in Python) is computed once, from the last iteration's framed ids, outside
    every timed region."""
    def digest(out):
        framed = frame(out)
        return "ids blake2b " + hashlib.blake2b(framed.tobytes(), digest_size=16).hexdigest(), framed

    last: list = []

    def keep(out):
        d, framed = digest(out)
        last[:] = [framed]
        return d

    loop = iterate(encode, (docs,), warmup, iterations, keep, items=None if batch else docs,
                   warmup_time_ns=warmup_time_ns)
    framed = last[0]
    return {"warmup_ns": loop.warmup_ns, "samples_ns": loop.samples_ns, "checksum": checksum_framed(framed),
            "tokens": len(framed) - len(docs), "latencies": loop.item_latencies_ns, "gc": loop.gc}


# --- variants --------------------------------------------------------------------------------

def _pure() -> TokenizeImpl:
    return TokenizeImpl(make=lambda vocab: PureWordPiece(vocab).encode)


def _hf_runtime() -> dict:
    import tokenizers

    return {"tokenizers": tokenizers.__version__}


def _hf() -> TokenizeImpl:
    _require_tokenizers()

    def make(vocab):
        tok = hf_tokenizer(vocab)
        return lambda doc: tok.encode(doc, add_special_tokens=False).ids

    # One document per call on the calling thread; nothing to parallelise, and recorded so.
    return TokenizeImpl(make=make, env=lambda threads: {"TOKENIZERS_PARALLELISM": "false", "RAYON_NUM_THREADS": "1"},
                        runtime=_hf_runtime)


def _hf_batch() -> TokenizeImpl:
    _require_tokenizers()

    def make(vocab):
        tok = hf_tokenizer(vocab)
        return lambda docs: [e.ids for e in tok.encode_batch(docs, add_special_tokens=False)]

    # The batch API runs on rayon's pool: exactly --threads threads (1 unless the run sweeps).
    def env(threads):
        return {"TOKENIZERS_PARALLELISM": "true" if threads > 1 else "false", "RAYON_NUM_THREADS": str(threads)}

    return TokenizeImpl(make=make, batch=True, env=env, runtime=_hf_runtime)


def _rust_ext() -> TokenizeImpl:
    rs = require_rs()
    if not hasattr(rs, "WordPiece"):
        raise Unavailable("the Rust extension polybench_rs is older than the tokenize workload; "
                          "rebuild it with ./bench build")
    return TokenizeImpl(make=lambda vocab: rs.WordPiece(vocab).encode)


# --- transformers' pure-Python BERT tokenizer ---------------------------------------------------

# transformers 5 renamed the pure-Python BertTokenizer of 4.x to BertTokenizerLegacy (the code is
# the same, line for line; `BertTokenizer` is now the Rust-backed one). 4.57.x, the last 4.x,
# pins tokenizers<=0.23.0, which conflicts with our tokenizers==0.23.3; 5.23.0 pins
# tokenizers>=0.23.1,<0.24.0 and agrees (python-workloads/requirements.txt).
TRANSFORMERS_PIN = "transformers==5.23.0"
BERT_SPECIAL_TOKENS = {"unk_token": UNK, "sep_token": "[SEP]", "pad_token": "[PAD]",
                       "cls_token": "[CLS]", "mask_token": "[MASK]"}
# BasicTokenizer._clean_text deletes every control character but \t, \n and \r (the spec
# splits on \v and \f and keeps the others inside words).
_SLOW_DELETES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A special token as a whole whitespace-delimited word, case as written, stays one token
# (its id) even with split_special_tokens=True: BertTokenizerLegacy._tokenize passes the special
# tokens to BasicTokenizer as never_split. The spec treats it as text ("[", "un", "##k", "]").
_SLOW_KEEPS = re.compile("(?<![^ \t\r])(?:" + "|".join(re.escape(t) for t in BERT_SPECIAL_TOKENS.values())
                         + ")(?![^ \t\r])")


def slow_bert_difference(docs: list[str]) -> str | None:
    """Where transformers' BertTokenizer would not give the spec's ids on these documents (the
    first place), or None. Checked before timing so the variant never reports ids the oracle
    rejects for a reason that is the library's rule, not a bug (docs/workloads.md)."""
    for line, doc in enumerate(docs, 1):
        m = _SLOW_DELETES.search(doc)
        if m:
            return (f"line {line}, byte {m.start() + 1} is the control character 0x{ord(m.group()):02x}, which "
                    "transformers' BertTokenizer deletes (the spec splits on \\v and \\f and keeps the other "
                    "control characters in words); this variant runs only on text without them")
        m = _SLOW_KEEPS.search(doc)
        if m:
            return (f"line {line}, byte {m.start() + 1}: the word {m.group()} is a special token, which "
                    "transformers' BertTokenizer keeps as one token (the spec tokenizes it as text); "
                    "this variant runs only on text without such words")
    return None


def _require_transformers():
    # Its import warns on stderr that PyTorch is absent (not needed for a tokenizer); the warning
    # would otherwise stand first in every message the harness shows from this variant.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from transformers.models.bert.tokenization_bert_legacy import BertTokenizerLegacy
    except ImportError as e:
        raise Unavailable(
            f"transformers' pure-Python BertTokenizer is not importable ({e}); " + missing_fix("transformers", "install it with: "
            f"pip install -r python-workloads/requirements.txt ({TRANSFORMERS_PIN}; ./bench build does)")
        ) from e
    return BertTokenizerLegacy


def slow_bert_tokenizer(vocab: list[str]):
    """transformers' pure-Python BERT tokenizer on ``vocab``: lowercasing on, no accent
    stripping, no CJK handling, nothing never-split, special tokens in the text split as text
    (``split_special_tokens=True``)."""
    import tempfile

    cls = _require_transformers()
    with tempfile.TemporaryDirectory() as d:  # it loads its vocabulary only from a file
        path = Path(d) / VOCAB_FILE
        path.write_text("".join(t + "\n" for t in vocab), encoding="ascii")
        return cls(str(path), do_lower_case=True, never_split=None, tokenize_chinese_chars=False,
                   strip_accents=False, split_special_tokens=True, **BERT_SPECIAL_TOKENS)


def _transformers_runtime() -> dict:
    import transformers

    return {"transformers": transformers.__version__, "tokenizer": "BertTokenizerLegacy (pure Python)"}


def _transformers_slow() -> TokenizeImpl:
    _require_transformers()

    def make(vocab):
        tok = slow_bert_tokenizer(vocab)
        return lambda doc: tok.encode(doc, add_special_tokens=False)

    return TokenizeImpl(make=make, runtime=_transformers_runtime, refuses=slow_bert_difference)


VARIANTS: dict[str, Row] = {
    "pure": Row("naive", "plain CPython: a regex split, a dict, substring slicing", _pure),
    "hf-tokenizers": Row("idiomatic", "Hugging Face tokenizers (Rust) on our vocab.txt, one encode() per document, single-threaded (RAYON_NUM_THREADS=1)", _hf),
    "hf-tokenizers-batch": Row("idiomatic", "Hugging Face encode_batch: the whole corpus in one call; rayon capped at --threads (tokenize runs at 1 thread), recorded", _hf_batch),
    "rust-ext": Row("optimized", "rust/native's tokenizer via PyO3, one call per document, str in, list of ids out", _rust_ext),
    "transformers-slow": Row("naive", "transformers' pure-Python BertTokenizer (5.23.0's BertTokenizerLegacy, the 4.x slow BertTokenizer's code) on our vocab.txt, one encode() per document", _transformers_slow),
}
