"""``python -m polybench.oracle --input corpus.txt``: the reference answer of ``tokenize``.

Hugging Face ``tokenizers`` (the real library, the pipeline of docs/workloads.md) tokenizes the
corpus with the ``vocab.txt`` next to it; prints one JSON line: ``checksum`` (``"<count>:<fnv>"``,
see docs/workloads.md), ``tokens``, ``documents`` and the library version. The harness runs this
in the project's venv for every tokenize size (harness ``tokenize/Oracle.java``).

Exit 0 answered, 2 bad input (missing file, non-ASCII byte: the message names it), 3 tokenizers
is not installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import tokenization as tk


def answer(corpus: Path) -> dict:
    data = corpus.read_bytes()
    if not data.isascii():
        raise ValueError(f"{corpus}: {tk.first_non_ascii(data)}; the tokenize spec covers ASCII text only")
    docs = tk.documents(data.decode("ascii"))
    vocab = tk.load_vocab(corpus)
    import tokenizers

    tok = tk.hf_tokenizer(vocab)
    # The oracle may use every core: only its answer counts, not its time.
    per_doc = [e.ids for e in tok.encode_batch(docs, add_special_tokens=False)]
    return {"checksum": tk.checksum(per_doc), "checksum_kind": tk.CHECKSUM_KIND,
            "tokens": sum(map(len, per_doc)),
            "documents": len(docs), "tokenizers": tokenizers.__version__}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m polybench.oracle", description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="corpus.txt (vocab.txt next to it)")
    args = p.parse_args(argv)
    try:
        import tokenizers  # noqa: F401
    except ImportError as e:
        print(f"polybench.oracle: Hugging Face tokenizers is not importable ({e}); "
              "install it with ./bench build (pip install -r python-workloads/requirements.txt)", file=sys.stderr)
        return 3
    try:
        result = answer(Path(args.input))
    except (OSError, ValueError, tk.BadInput) as e:
        print(f"polybench.oracle: error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
