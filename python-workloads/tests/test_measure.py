"""The runner's one timing loop (measure.iterate), in both of its modes."""

import itertools

import pytest

from polybench.measure import (MIN_SAMPLE_NS, TIME_PHASE_ENTRIES, ChecksumMismatch, ClockInfo, clock_info,
                               iterate, latency_passes, sample_target_ns)


class FakeClock:
    """A clock that only moves when told: each read costs ``read_ns``, each kernel call ``call_ns``."""

    def __init__(self, call_ns, read_ns=0):
        self.now, self.call_ns, self.read_ns, self.calls = 0, call_ns, read_ns, 0

    def __call__(self):
        self.now += self.read_ns
        return self.now

    def kernel(self, *_):
        self.now += self.call_ns
        self.calls += 1
        return 1


def test_whole_call_mode_times_each_call_and_keeps_warmup_apart():
    calls = []
    loop = iterate(lambda a, b: calls.append((a, b)) or a + b, (2, 3), warmup=2, iterations=3, digest=lambda out: out)
    assert calls == [(2, 3)] * 6, "2 warm-up, 3 measured, 1 untimed call to check the answer after them"
    assert (len(loop.warmup_ns), len(loop.samples_ns)) == (2, 3)
    assert loop.last_digest == 5
    assert loop.item_latencies_ns == []


def test_per_item_mode_calls_once_per_item_and_reads_no_clock_inside_a_timed_call():
    items = ["a", "bb", "ccc"]
    seen = []
    clock = FakeClock(call_ns=10, read_ns=1_000)

    def kernel(doc):
        seen.append(doc)
        return clock.kernel()

    loop = iterate(kernel, (items,), warmup=1, iterations=2, digest=lambda out: tuple(out), items=items,
                   clock=clock)
    passes = -(-1000 // len(items))  # whole passes for at least 1,000 item times
    assert seen == items * (1 + 2 + passes + 1), "1 warm-up, 2 measured, the latency passes, 1 untimed check"
    # a timed call: three items and one clock read (the one that stops it), none between items
    assert loop.samples_ns == [3 * 10 + 1_000] * 2
    # each item timed on its own in the latency passes: its call and the read that ends it
    assert loop.item_latencies_ns == [10 + 1_000] * (passes * len(items))


def test_latency_passes_give_a_thousand_item_times():
    assert [latency_passes(n) for n in (502, 1000, 1001, 3, 0)] == [2, 1, 1, 334, 0]


@pytest.mark.parametrize("items", [None, [1, 2]])
def test_an_iteration_that_disagrees_with_the_first_fails_in_either_mode(items):
    counter = itertools.count()
    kernel = (lambda *_: next(counter))
    # no warm-up sample: the first measured one is the reference; the untimed call after the
    # measured ones is compared with it
    with pytest.raises(ChecksumMismatch, match="iteration 3"):
        iterate(kernel, (0,), warmup=0, iterations=3, digest=lambda out: out, items=items)
    with pytest.raises(ChecksumMismatch, match="iteration 5"):
        iterate(kernel, (0,), warmup=2, iterations=3, digest=lambda out: out, items=items)


def test_the_digest_runs_on_the_first_warmup_output_and_one_untimed_call_after_the_measured_ones():
    # a costly digest (normalize: SHA-256 of the output) between two measured samples changes the
    # next call's time; no referee runs one between calls
    outputs = iter(range(100))
    digested = []
    loop = iterate(lambda: next(outputs), (), warmup=3, iterations=4,
                   digest=lambda out: digested.append(out) or 0)
    assert digested == [0, 7], "the first warm-up output and the untimed 8th call's"
    assert loop.last_digest == 0
    assert len(loop.samples_ns) == 4


def test_measured_outputs_are_freed_inside_the_timed_region_as_in_pyperfs_loop():
    clock = FakeClock(call_ns=100)

    class Out:
        def __del__(self):
            clock.now += 7  # what freeing the output costs

    def kernel():
        clock.kernel()
        return Out()

    loop = iterate(kernel, (), warmup=1, iterations=3, digest=lambda out: 0, clock=clock)
    assert loop.samples_ns == [107, 107, 107], "each measured output freed inside its sample"
    assert loop.warmup_ns == [100], "the digested warm-up output is freed after the clock stops"



def test_calibration_batches_a_fast_kernel_until_a_sample_reaches_the_target():
    clock = FakeClock(call_ns=300)
    loop = iterate(clock.kernel, (), warmup=1, iterations=5, digest=lambda out: out,
                   target_ns=10_000, clock=clock)
    # the smallest power of two whose sample lasts the target: 32 x 300 ns = 9.6 us < 10 us <= 64 x 300
    assert loop.calls_per_sample == 64
    assert loop.samples_ns == [300] * 5, "per-call times, not sample times"
    # calibration samples are warm-up: 1, 2, 4, ..., 64 calls
    assert len(loop.warmup_ns) == 7 and set(loop.warmup_ns) == {300}


def test_a_slow_kernel_needs_no_batching():
    clock = FakeClock(call_ns=50_000)
    loop = iterate(clock.kernel, (), warmup=2, iterations=3, digest=lambda out: out, target_ns=10_000, clock=clock)
    assert loop.calls_per_sample == 1
    assert (len(loop.warmup_ns), loop.samples_ns) == (2, [50_000] * 3)


def test_warmup_lasts_the_minimum_time_as_well_as_the_count():
    clock = FakeClock(call_ns=1_000)
    loop = iterate(clock.kernel, (), warmup=2, iterations=3, digest=lambda out: out,
                   warmup_time_ns=5_000_000, clock=clock)
    assert loop.warmup_elapsed_ns >= 5_000_000
    assert clock.calls - 3 >= 5_000, "the warm-up ran for 5 ms of 1 us calls"
    # past the count, each entry groups calls, so the time rule adds about TIME_PHASE_ENTRIES entries
    assert 2 < len(loop.warmup_ns) <= 2 + TIME_PHASE_ENTRIES + 1
    assert set(loop.warmup_ns) == {1_000}


def test_warmup_count_is_kept_when_it_takes_longer_than_the_time():
    clock = FakeClock(call_ns=10_000_000)
    loop = iterate(clock.kernel, (), warmup=3, iterations=1, digest=lambda out: out,
                   warmup_time_ns=1_000_000, clock=clock)
    assert len(loop.warmup_ns) == 3


def test_per_item_mode_is_never_batched():
    clock = FakeClock(call_ns=10)
    loop = iterate(clock.kernel, ([1, 2],), warmup=0, iterations=2, digest=lambda out: tuple(out),
                   items=[1, 2], target_ns=10_000, clock=clock)
    assert loop.calls_per_sample == 1


def test_clock_info_measures_overhead_and_resolution_of_the_clock():
    step = iter(range(0, 10**9, 7))
    info = clock_info(clock=lambda: next(step) // 40 * 40)  # reads 7 ns apart, ticks of 40 ns
    assert info.resolution_ns == 40
    assert info.overhead_ns == 0, "most back-to-back reads fall within one tick"
    assert sample_target_ns(ClockInfo(overhead_ns=25, resolution_ns=1)) == MIN_SAMPLE_NS
    assert sample_target_ns(ClockInfo(overhead_ns=500, resolution_ns=1)) == 50_000
    assert sample_target_ns(ClockInfo(overhead_ns=20, resolution_ns=1_000)) == 100_000


def _impl(kernel):
    from polybench.variants import Impl

    return Impl(prepare=lambda size, seed: (size,), kernel=kernel, checksum=lambda out: out, takes="list")


def test_measure_checks_the_allocation_call_against_the_measured_answer_and_makes_no_other_check_call():
    # the allocation call after the measured ones is the untimed check: warm-up + measured + 1 calls
    calls = []
    from polybench.measure import measure

    m = measure(_impl(lambda n: calls.append(n) or 5), 3, 0, warmup=2, iterations=4)
    assert len(calls) == 2 + 4 + 1
    assert m.checksum == 5 and m.extra["alloc_peak_bytes"] is not None


def test_measure_fails_when_the_allocation_call_gives_another_answer():
    from polybench.measure import measure

    answers = itertools.chain([5] * 6, [6])  # 2 warm-up + 4 measured calls agree; the 7th does not
    with pytest.raises(ChecksumMismatch, match="allocation-counting call.*6"):
        measure(_impl(lambda n: next(answers)), 3, 0, warmup=2, iterations=4)
