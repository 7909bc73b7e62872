"""The pyperf referee of ``./bench crosscheck``: one CPython cell timed by pyperf.

Run as ``python -m polybench.referee --workload dot --variant pure --size 1000000 --seed 42
[--input corpus.txt] -o out.json [pyperf's own flags]``. The inputs come from the same place as
the runner's (the variant's ``prepare(size, seed)``, or the harness's corpus file for tokenize),
so both sides time the same kernel on the same numbers; pyperf then spawns its worker processes,
calibrates the loops per value and writes its JSON, which the harness reads
(harness/.../crosscheck/PyperfReader.java).
"""

from __future__ import annotations

import os

import pyperf

from polybench.runner import THREAD_ENV
from polybench.workloads import WORKLOADS


def add_cmdline_args(cmd: list[str], args) -> None:
    """pyperf starts each worker with its own flags; ours must reach the workers too."""
    cmd.extend(["--workload", args.workload, "--variant", args.variant, "--size", str(args.size), "--seed", str(args.seed)])
    if args.input:
        cmd.extend(["--input", args.input])


def timed_call(workload: str, variant: str, size: int, seed: int, input_path: str | None):
    """The function pyperf times: one kernel call, its inputs made here, untimed."""
    impl = WORKLOADS[workload][variant].load()
    if workload == "tokenize":
        from polybench.tokenization import load_vocab, read_corpus

        docs = read_corpus(input_path, size)
        encode = impl.make(load_vocab(input_path))
        if impl.batch:
            return lambda: encode(docs)
        return lambda: [encode(d) for d in docs]
    inputs = impl.prepare(size, seed)
    return lambda: impl.kernel(*inputs)


def main() -> None:
    runner = pyperf.Runner(add_cmdline_args=add_cmdline_args, program_args=("-m", "polybench.referee"))
    p = runner.argparser
    p.add_argument("--workload", required=True)
    p.add_argument("--variant", required=True)
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--input", default=None)
    args = runner.parse_args()
    # the runner's environment for one thread (BLAS pools capped, as runner.main sets it); pyperf
    # starts its workers with a cleared environment, so each process sets it itself
    for name in THREAD_ENV:
        os.environ[name] = "1"
    name = f"{args.workload}-{args.variant}-{args.size}"
    # only the workers time anything; the parent would make the inputs for nothing
    call = timed_call(args.workload, args.variant, args.size, args.seed, args.input) if args.worker else (lambda: None)
    runner.bench_func(name, call)


if __name__ == "__main__":
    main()
