"""The runner's one timing loop (measure.iterate), in both of its modes."""

import itertools

import pytest

from polybench.measure import ChecksumMismatch, iterate


def test_whole_call_mode_times_each_call_and_keeps_warmup_apart():
    calls = []
    loop = iterate(lambda a, b: calls.append((a, b)) or a + b, (2, 3), warmup=2, iterations=3, digest=lambda out: out)
    assert calls == [(2, 3)] * 5
    assert (len(loop.warmup_ns), len(loop.samples_ns)) == (2, 3)
    assert loop.last_digest == 5
    assert loop.item_latencies_ns == []


def test_per_item_mode_calls_once_per_item_and_item_times_add_up_to_the_iteration():
    items = ["a", "bb", "ccc"]
    seen = []
    loop = iterate(lambda doc: seen.append(doc) or len(doc), (items,), warmup=1, iterations=2,
                   digest=lambda out: tuple(out), items=items)
    assert seen == items * 3
    assert loop.last_digest == (1, 2, 3)
    # one latency per item of each measured iteration (not the warm-up one)
    assert len(loop.item_latencies_ns) == 2 * len(items)
    for k, total in enumerate(loop.samples_ns):
        assert sum(loop.item_latencies_ns[k * 3:(k + 1) * 3]) == total


@pytest.mark.parametrize("items", [None, [1, 2]])
def test_an_iteration_that_disagrees_with_the_first_fails_in_either_mode(items):
    counter = itertools.count()
    kernel = (lambda *_: next(counter))
    with pytest.raises(ChecksumMismatch, match="iteration 1"):
        iterate(kernel, (0,), warmup=0, iterations=3, digest=lambda out: out, items=items)
