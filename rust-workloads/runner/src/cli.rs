//! The protocol's flags. Every way of getting them wrong ends in exit 2 with a
//! single stderr line that names the flag and the fix, because the
//! orchestrator logs one line per failed run and a clap usage screen would be
//! noise there.

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::error::Error as _;

use crate::catalogue::{self, Implementation};

#[derive(Parser, Debug)]
#[command(
    name = "polybench-runner",
    version,
    about = "Runs one polybench workload variant and prints one JSON result (runner protocol 2)"
)]
pub struct Args {
    /// Print the catalogue (every workload/variant, as JSON) and exit; other flags are ignored
    #[arg(long)]
    pub list: bool,
    /// Workload name (see --list)
    #[arg(long)]
    pub workload: String,
    /// Variant of the workload (see --list)
    #[arg(long)]
    pub variant: String,
    /// Problem size (elements)
    #[arg(long, value_parser = non_negative, allow_hyphen_values = true)]
    pub size: usize,
    /// Threads the kernel may use (only parallel's kernels use more than one)
    #[arg(long, default_value = "1", value_parser = positive, allow_hyphen_values = true)]
    pub threads: usize,
    /// Iterations run and recorded before the measured ones
    #[arg(long, default_value = "3", value_parser = non_negative, allow_hyphen_values = true)]
    pub warmup: usize,
    /// Warm up for at least this many milliseconds as well as --warmup iterations
    #[arg(long = "warmup-time-ms", default_value = "0", value_parser = non_negative, allow_hyphen_values = true)]
    pub warmup_time_ms: usize,
    /// Measured iterations
    #[arg(long, default_value = "10", value_parser = positive, allow_hyphen_values = true)]
    pub iterations: usize,
    /// Input seed (unsigned 64-bit)
    #[arg(long, default_value = "42", value_parser = seed, allow_hyphen_values = true)]
    pub seed: u64,
    /// File read instead of generated input (not used by dot/normalize)
    #[arg(long)]
    pub input: Option<String>,
    /// One call per sample, never calibrated to the clock (the harness's instruction counts:
    /// under Valgrind the calibration's timing would decide how many calls are counted)
    #[arg(long = "no-calibration")]
    pub no_calibration: bool,
}

fn non_negative(s: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| "must be a non-negative integer, e.g. 1000000".to_string())
}

fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("must be an integer >= 1".to_string()),
    }
}

fn seed(s: &str) -> Result<u64, String> {
    s.parse()
        .map_err(|_| "must be an unsigned 64-bit integer, e.g. 42".to_string())
}

/// A bad-arguments verdict: the single line to print before exiting 2.
#[derive(Debug)]
pub struct Usage(pub String);

/// What parsing led to: arguments to run with their catalogue row, the
/// catalogue to print (`--list`), or help/version text already due on stdout
/// (exit 0).
pub enum Parsed {
    Run(Args, &'static Implementation),
    List,
    Info(clap::Error),
}

pub fn parse<I, T>(argv: I) -> Result<Parsed, Usage>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let argv: Vec<std::ffi::OsString> = argv.into_iter().map(Into::into).collect();
    // `--list` needs no other flag, and any others given with it are ignored.
    if argv.iter().skip(1).any(|a| a == "--list") {
        return Ok(Parsed::List);
    }
    let args = match Args::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            return Ok(Parsed::Info(e));
        }
        Err(e) => return Err(Usage(one_line(&e))),
    };
    let row = validate(&args)?;
    Ok(Parsed::Run(args, row))
}

/// The checks clap cannot express, all read from the catalogue: the variant
/// depends on the workload, and the row says what `--input` must be.
fn validate(args: &Args) -> Result<&'static Implementation, Usage> {
    let row = catalogue::find(&args.workload, &args.variant).map_err(Usage)?;
    (row.check)(args).map_err(Usage)?;
    Ok(row)
}

/// Folds a clap error into one line, adding the fix where clap's own text
/// lacks one.
fn one_line(e: &clap::Error) -> String {
    let strings = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            format!(
                "error: missing required flag(s): {}; pass them, e.g. --workload dot --variant naive --size 1000000",
                missing.join(", ")
            )
        }
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let arg = strings(ContextKind::InvalidArg).join("");
            let flag = arg.split_whitespace().next().unwrap_or("").to_string();
            let value = strings(ContextKind::InvalidValue).join("");
            match e.source() {
                Some(why) => format!("error: invalid value '{value}' for {flag}: {why}"),
                None => format!("error: {flag} needs a value, e.g. {flag} 10 (see --help)"),
            }
        }
        ErrorKind::UnknownArgument => {
            let arg = strings(ContextKind::InvalidArg).join("");
            format!(
                "error: unknown flag '{arg}'; the flags are --list --workload --variant --size --threads --warmup --warmup-time-ms --iterations --seed --input"
            )
        }
        _ => {
            let text = e.render().to_string();
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
                .filter(|l| !l.is_empty())
                .collect();
            format!("{} (see --help)", lines.join(" "))
        }
    }
}
