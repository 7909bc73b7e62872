//! `polybench-runner`: the Rust side of the runner protocol
//! (`docs/runner-protocol.md`). One JSON object on stdout, logs on stderr;
//! exit 0 measured, 2 bad arguments, 1 failed.

mod alloc_count;
mod binary_trees;
mod catalogue;
mod cli;
mod measure;
mod report;
mod tokenize;

use std::process::ExitCode;

/// glibc's malloc hands every block above its mmap threshold (32 MiB at most)
/// back to the OS on free, so a kernel that returns a fresh 80 MB Vec each
/// call (normalize at 1e7) page-faults all of it in again: 312k faults and
/// twice the time for 10 calls. mimalloc keeps and reuses the memory, as
/// NumPy (huge pages) and the JVM (its heap) do. Recorded in `runtime`.
/// The counting wrapper (alloc_count.rs) only adds up what the one untimed call
/// after the measured ones allocates; mimalloc does every allocation.
#[global_allocator]
static GLOBAL: alloc_count::Counting<mimalloc::MiMalloc> = alloc_count::Counting { inner: mimalloc::MiMalloc };

use cli::Parsed;
use report::{Report, Runtime};

/// The harness holds our stdin pipe open and sets POLYBENCH_EXIT_ON_STDIN_EOF=1;
/// when it dies (even by kill -9) the pipe reaches end-of-file and this thread
/// exits the runner instead of leaving it orphaned (docs/runner-protocol.md).
/// Started by hand, without the variable, the runner ignores its stdin.
fn exit_when_harness_dies() {
    if std::env::var_os("POLYBENCH_EXIT_ON_STDIN_EOF").as_deref() != Some(std::ffi::OsStr::new("1")) {
        return;
    }
    std::thread::spawn(|| {
        use std::io::Read;
        let mut buf = [0u8; 256];
        let mut stdin = std::io::stdin();
        loop {
            match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        std::process::exit(EXIT_ORPHANED);
    });
}

/// The exit code of a runner whose harness went away.
const EXIT_ORPHANED: i32 = 125;

fn main() -> ExitCode {
    exit_when_harness_dies();
    let (args, row) = match cli::parse(std::env::args_os()) {
        Ok(Parsed::Run(args, row)) => (args, row),
        Ok(Parsed::List) => {
            println!("{}", catalogue::to_json());
            return ExitCode::SUCCESS;
        }
        Ok(Parsed::Info(info)) => {
            let _ = info.print();
            return ExitCode::SUCCESS;
        }
        Err(cli::Usage(line)) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    if args.threads > 1 && !row.threaded {
        eprintln!(
            "note: --threads {} recorded as given; {}/{} is single-threaded",
            args.threads, args.workload, args.variant
        );
    }

    // the baseline: this process's peak before the workload makes any input
    // (docs/runner-protocol.md, baseline_rss_bytes)
    let baseline = report::peak_rss_bytes();
    let measured = match (row.measure)(&args) {
        Ok(m) => m,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(1);
        }
    };

    let mut sorted = measured.samples_ns.clone();
    sorted.sort_unstable();
    eprintln!(
        "rust/{} {} size={} median={} ns over {} iterations",
        args.variant,
        args.workload,
        args.size,
        sorted[sorted.len() / 2],
        sorted.len()
    );

    let checksum = measured.checksum_text();
    let report = Report {
        protocol: report::PROTOCOL,
        workload: &args.workload,
        language: "rust",
        variant: &args.variant,
        size: args.size,
        threads: args.threads,
        seed: args.seed,
        warmup_ns: measured.warmup_ns,
        samples_ns: measured.samples_ns,
        checksum,
        checksum_kind: measured.checksum.kind(),
        peak_rss_bytes: report::peak_rss_bytes(),
        runtime: Runtime::current(),
        extra: {
            let mut extra = measured.extra;
            extra.extend(report::extra());
            extra.insert("baseline_rss_bytes".into(), serde_json::json!(baseline));
            extra.insert("baseline_rss_point".into(), serde_json::json!(report::BASELINE_POINT));
            extra
        },
    };
    match serde_json::to_string(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: could not serialise the result: {e}");
            ExitCode::from(1)
        }
    }
}
