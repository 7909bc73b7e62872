"""The pyperf referee (polybench/referee.py) times the runner's kernel on the runner's inputs."""

from types import SimpleNamespace

from polybench import dot, normalize
from polybench.referee import add_cmdline_args, timed_call


def test_dot_call_is_the_variants_kernel_on_the_seeded_input():
    a, b = dot.prepare_lists(1000, 42)
    assert timed_call("dot", "pure", 1000, 42, None)() == dot.dot_pure(a, b)


def test_normalize_call_gives_the_kernels_output():
    out = timed_call("normalize", "pure", 100, 7, None)()
    assert len(out) == 100 and min(out) == 0.0 and max(out) == 1.0


def test_workers_get_the_cell_flags():
    cmd: list[str] = []
    add_cmdline_args(cmd, SimpleNamespace(workload="tokenize", variant="pure", size=10000, seed=42, input="/x/corpus.txt"))
    assert cmd == ["--workload", "tokenize", "--variant", "pure", "--size", "10000", "--seed", "42", "--input", "/x/corpus.txt"]
