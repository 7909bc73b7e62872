"""``python -m polybench.runner``: one measurement, per docs/runner-protocol.md.

Exit 0 measured (one JSON object on stdout), 2 bad arguments (one line on
stderr naming the flag), 3 variant unavailable here (reason on stderr),
1 anything else (checksum mismatch between iterations, unexpected exception).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import sysconfig
import threading
import traceback

from . import PROTOCOL_VERSION
from .measure import ChecksumMismatch, alloc_counter, checksum_text, clock_info, format_checksum, measure  # noqa: F401
from .variants import BadInput, Unavailable
from .workloads import READS_INPUT, WORKLOADS

PROG = "polybench.runner"
U64_MAX = (1 << 64) - 1
# Thread pools a variant may start (NumPy's BLAS): capped at --threads. They are
# read when the library loads, so this must happen before NumPy is imported.
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one stderr line (exit 2), not usage + error."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{PROG}: error: {message} (see --help)\n")


def _int_flag(flag: str, minimum: int, maximum: int | None = None, example: str = ""):
    bound = f">= {minimum}" if maximum is None else f"in {minimum}..{maximum}"

    def parse(text: str) -> int:
        try:
            value = int(text, 10)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(
                f"must be an integer {bound}, got {text!r}; pass e.g. {flag} {example}"
            )
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=f"python -m {PROG}",
                description="Run one polybench measurement (--list: print this runner's catalogue).")
    p.add_argument("--workload", required=True, help=f"one of: {', '.join(WORKLOADS)}")
    p.add_argument("--variant", required=True, help="implementation variant of the workload")
    p.add_argument("--size", required=True, type=_int_flag("--size", 0, example="1000000"),
                   help="problem size, integer >= 0")
    p.add_argument("--threads", default=1, type=_int_flag("--threads", 1, example="1"),
                   help="threads the kernel may use (default 1)")
    p.add_argument("--warmup", default=3, type=_int_flag("--warmup", 0, example="3"),
                   help="warmup iterations, recorded (default 3)")
    p.add_argument("--warmup-time-ms", default=0, type=_int_flag("--warmup-time-ms", 0, example="500"),
                   help="warm up for at least this long as well as --warmup calls (default 0)")
    p.add_argument("--iterations", default=10, type=_int_flag("--iterations", 1, example="10"),
                   help="measured iterations (default 10)")
    p.add_argument("--seed", default=42, type=_int_flag("--seed", 0, U64_MAX, example="42"),
                   help="input seed, unsigned 64-bit (default 42)")
    p.add_argument("--input", default=None, help="input file (workloads that read one)")
    p.add_argument("--no-calibration", action="store_true",
                   help="one call per sample, never calibrated to the clock (the harness's instruction "
                        "counts: under Valgrind the calibration's timing would decide how many calls are counted)")
    p.add_argument("--no-alloc-peak", action="store_true",
                   help="make the allocation call under the counter alone, without tracemalloc "
                        "(the harness traces a cell's first process only)")
    return p


def runtime_info(variant: str) -> dict:
    info = {
        "name": platform.python_implementation(),
        "version": platform.python_version(),
        "executable": sys.executable,
        "gil_enabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
        # a free-threaded build (3.13t+); gil_enabled says whether the GIL is off right now
        "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    }
    # NumPy's version where this process used it: importing it only to name it cost every
    # pure-Python process ~90 ms (the environment record names the installed NumPy anyway)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        info["numpy"] = numpy.__version__
    if variant.startswith("rust-ext"):
        import polybench_rs

        info["polybench_rs"] = polybench_rs.build_info()
    return info


def cpu_affinity() -> dict:
    """{"cpu_affinity": "0-1"}: the CPUs this process may run on (Cpus_allowed_list
    in /proc/self/status); empty where procfs is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Cpus_allowed_list:"):
                    return {"cpu_affinity": line.split(":", 1)[1].strip()}
    except OSError:
        pass
    return {}


def peak_rss() -> tuple[int | None, dict]:
    """(bytes, extra): this process's own peak resident set, ``VmHWM`` in
    /proc/self/status. Not ``getrusage(RUSAGE_SELF).ru_maxrss``: on Linux that
    survives exec and starts from the parent's peak, so a runner started by the
    harness JVM reported the JVM's ~90 MB. Where VmHWM is missing (not Linux) the
    bytes are None and ``extra.peak_rss_unavailable`` says why: no silent fallback."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    value, unit = line.split(":", 1)[1].split()
                    if unit != "kB":
                        return None, {"peak_rss_unavailable": f"VmHWM in unknown unit {unit!r}"}
                    return int(value) * 1024, {}
    except OSError as e:
        return None, {"peak_rss_unavailable": f"cannot read /proc/self/status ({e.strerror}): no VmHWM here"}
    return None, {"peak_rss_unavailable": "/proc/self/status has no VmHWM line"}


def variant_suffix() -> str:
    """``POLYBENCH_VARIANT_SUFFIX`` (e.g. ``-ft``): the harness runs a second venv of this
    runner (the free-threaded one) beside the first and tells their variants apart by it;
    the runner lists, accepts and reports every variant with it. Empty by default."""
    return os.environ.get("POLYBENCH_VARIANT_SUFFIX", "")


def gil_disabled() -> bool:
    """The GIL is off right now (a free-threaded build that no import has switched it on in)."""
    return hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled()


def load_without_gil(row):
    """``row.load()``, and on a free-threaded build whose GIL was off, Unavailable if the load
    switched the GIL on (an extension module that does not declare Py_mod_gil), so no cell of a
    free-threaded run is measured with the GIL without saying so."""
    before = gil_disabled()
    impl = row.load()
    if before and not gil_disabled():
        raise Unavailable(
            "importing its libraries re-enabled the GIL on this free-threaded interpreter (an extension "
            "module that does not declare it runs without the GIL); it is not measured as if free-threaded")
    return impl


def catalogue() -> dict:
    """The ``--list`` document: every row of every workload's table, and whether it
    can run here (its loader either loads or raises Unavailable with the fix)."""
    rows = []
    suffix = variant_suffix()
    for workload, variants in WORKLOADS.items():
        for variant, row in variants.items():
            try:
                load_without_gil(row)
                available, reason = True, None
            except Unavailable as e:
                available, reason = False, f"python/{variant}{suffix} is unavailable: {e}"
            rows.append({
                "workload": workload, "variant": variant + suffix, "kind": row.kind,
                "description": row.description, "available": available, "reason": reason,
                "opt_in": False,
            })
    return {"protocol": PROTOCOL_VERSION, "runner": "python", "language": "python",
            "implementations": rows}


def exit_when_harness_dies() -> None:
    """The harness holds our stdin pipe open and sets POLYBENCH_EXIT_ON_STDIN_EOF=1;
    when it dies (even by kill -9) the pipe reaches end-of-file and this exits the
    runner instead of leaving it orphaned (docs/runner-protocol.md). Started by
    hand, without the variable, the runner ignores its stdin."""
    if os.environ.get("POLYBENCH_EXIT_ON_STDIN_EOF") != "1":
        return

    def watch() -> None:
        try:
            while os.read(0, 256):
                pass
        except OSError:
            pass
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="harness-watch", daemon=True).start()


#: when the Python runner reads its baseline (VmHWM)
BASELINE_POINT = "after the imports and the variant's libraries are loaded, before any input is made"

#: the exit code of a runner whose harness went away
EXIT_ORPHANED = 125


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    exit_when_harness_dies()
    if "--list" in argv:  # the catalogue; any other flag is ignored
        sys.stdout.write(json.dumps(catalogue()) + "\n")
        sys.stdout.flush()
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)

    variants = WORKLOADS.get(args.workload)
    if variants is None:
        parser.error(f"--workload {args.workload!r} is unknown; use one of: {', '.join(WORKLOADS)}")
    suffix = variant_suffix()
    listed = args.variant
    row = variants.get(listed[: -len(suffix)]) if suffix and listed.endswith(suffix) else None if suffix else variants.get(listed)
    if row is None:
        parser.error(
            f"--variant {args.variant!r} is not a variant of workload {args.workload!r}; "
            f"use one of: {', '.join(v + suffix for v in variants)}"
        )
    args.variant = listed[: len(listed) - len(suffix)]
    if args.input is not None and args.workload not in READS_INPUT:
        parser.error(
            f"--input is not read by workload {args.workload!r} (its input comes from --seed); "
            "drop --input"
        )

    for name in THREAD_ENV:
        os.environ[name] = str(args.threads)

    try:
        impl = load_without_gil(row)
    except Unavailable as e:
        print(f"{PROG}: python/{listed} is unavailable: {e}", file=sys.stderr)
        return 3

    alloc_counter()  # the allocation counter's import belongs to the baseline, not the workload
    # the baseline: this process's peak so far, with the interpreter, its imports and the
    # variant's libraries loaded but no input made (docs/runner-protocol.md, baseline_rss_bytes)
    baseline, _ = peak_rss()
    clock = clock_info()
    try:
        if hasattr(impl, "measure_protocol"):  # a workload with its own loop (tokenize)
            m = impl.measure_protocol(args)
        else:
            m = measure(impl, args.size, args.seed, args.warmup, args.iterations, args.threads,
                        warmup_time_ns=args.warmup_time_ms * 1_000_000, clock=None if args.no_calibration else clock,
                        alloc_peak=not args.no_alloc_peak, peak_rss=lambda: peak_rss()[0])
    except ChecksumMismatch as e:
        print(f"{PROG}: error: {args.workload} python/{listed}: {e}", file=sys.stderr)
        return 1
    except BadInput as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    except Unavailable as e:  # the variant cannot run on this input (tokenize/transformers-slow)
        print(f"{PROG}: python/{listed} is unavailable {e}", file=sys.stderr)
        return 3
    runtime = runtime_info(args.variant)
    if hasattr(impl, "runtime_info"):
        runtime.update(impl.runtime_info(args.threads))

    rss, rss_note = peak_rss()
    if m.peak_rss_bytes is not None:
        rss = m.peak_rss_bytes  # read before tracemalloc's tables grew (measure's docstring)
    result = {
        "protocol": PROTOCOL_VERSION,
        "workload": args.workload,
        "language": "python",
        "variant": listed,
        "size": args.size,
        "threads": args.threads,
        "seed": args.seed,
        "warmup_ns": m.warmup_ns,
        "samples_ns": m.samples_ns,
        "checksum": checksum_text(m, impl.checksum_kind),
        "checksum_kind": impl.checksum_kind,
        "peak_rss_bytes": rss,
        "runtime": runtime,
        "extra": {"calls_per_sample": 1, **m.extra, **clock.extra(), **cpu_affinity(), **rss_note, "baseline_rss_bytes": baseline,
                  "baseline_rss_point": BASELINE_POINT},
    }
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


def entry() -> int:
    try:
        return main()
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        return 1


if __name__ == "__main__":
    sys.exit(entry())
