//! `polybench-runner`: the Rust side of the runner protocol
//! (`docs/runner-protocol.md`). One JSON object on stdout, logs on stderr;
//! exit 0 measured, 2 bad arguments, 1 failed.

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
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cli::Parsed;
use report::{Report, Runtime};

fn main() -> ExitCode {
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
        checksum: measured.checksum.to_protocol_string(),
        checksum_kind: measured.checksum.kind(),
        peak_rss_bytes: report::peak_rss_bytes(),
        runtime: Runtime::current(),
        extra: {
            let mut extra = measured.extra;
            extra.extend(report::extra());
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
