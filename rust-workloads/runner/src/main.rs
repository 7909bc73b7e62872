//! `polybench-runner`: the Rust side of the runner protocol
//! (`docs/runner-protocol.md`). One JSON object on stdout, logs on stderr;
//! exit 0 measured, 2 bad arguments, 1 failed.

mod cli;
mod measure;
mod report;

use std::process::ExitCode;

use cli::Parsed;
use report::{Report, Runtime};

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os()) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Info(info)) => {
            let _ = info.print();
            return ExitCode::SUCCESS;
        }
        Err(cli::Usage(line)) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    if args.threads > 1 {
        eprintln!(
            "note: --threads {} recorded as given; the {} kernels are single-threaded",
            args.threads, args.workload
        );
    }

    let measured = match measure::run(&args) {
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
        protocol: 1,
        workload: &args.workload,
        language: "rust",
        variant: &args.variant,
        size: args.size,
        threads: args.threads,
        seed: args.seed,
        warmup_ns: measured.warmup_ns,
        samples_ns: measured.samples_ns,
        checksum: report::checksum_string(measured.checksum),
        checksum_kind: "float",
        peak_rss_bytes: report::peak_rss_bytes(),
        runtime: Runtime::current(),
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
