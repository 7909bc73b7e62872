//! Running a workload: inputs are made before the clock starts, only the
//! kernel call is timed, and every iteration's output goes into a checksum
//! that must agree across iterations, so the work can neither be skipped by
//! the optimiser nor silently change between runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use polybench_kernels::{parallel, splitmix64};

use crate::cli::Args;

pub struct Measured {
    pub warmup_ns: Vec<u64>,
    pub samples_ns: Vec<u64>,
    pub checksum: Checksum,
    /// Workload-specific fields of the protocol's `extra` (tokenize: latencies).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One iteration's checksum, of the kind the workload's spec names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Checksum {
    /// `checksum_kind` "float": compared bit for bit between iterations.
    Float(f64),
    /// `checksum_kind` "u64": an exact integer.
    U64(u64),
    /// `checksum_kind` "tokens+fnv64": token count and FNV-1a of the ids.
    Tokens(polybench_kernels::tokenize::Checksum),
}

impl Checksum {
    pub fn kind(&self) -> &'static str {
        match self {
            Checksum::Float(_) => "float",
            Checksum::U64(_) => "u64",
            Checksum::Tokens(_) => polybench_kernels::tokenize::CHECKSUM_KIND,
        }
    }

    /// The protocol's string: the shortest round-trip double, or the decimal integer.
    pub fn to_protocol_string(&self) -> String {
        match self {
            Checksum::Float(x) => crate::report::checksum_string(*x),
            Checksum::U64(n) => n.to_string(),
            Checksum::Tokens(t) => t.to_string(),
        }
    }

    fn same(&self, other: &Checksum) -> bool {
        match (self, other) {
            (Checksum::Float(a), Checksum::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }
}

// The measuring functions the catalogue's rows name (src/catalogue.rs): each
// makes its input, then runs `args.warmup + args.iterations` timed iterations.
// `Err` carries the failure message (exit 1).

pub fn dot(args: &Args, kernel: fn(&[f64], &[f64]) -> f64) -> Result<Measured, String> {
    let a = splitmix64::doubles(args.seed, args.size);
    let b = splitmix64::doubles(args.seed.wrapping_add(1), args.size);
    iterate(args, || {
        let t = Instant::now();
        let r = black_box(kernel(black_box(&a), black_box(&b)));
        (t.elapsed(), Checksum::Float(r))
    })
}

pub fn normalize(args: &Args, kernel: fn(&[f64]) -> Vec<f64>) -> Result<Measured, String> {
    let xs = splitmix64::doubles(args.seed, args.size);
    iterate(args, || {
        let t = Instant::now();
        let ys = black_box(kernel(black_box(&xs)));
        let elapsed = t.elapsed();
        // Summed and freed outside the timed region.
        let sum: f64 = ys.iter().sum();
        drop(ys);
        (elapsed, Checksum::Float(sum))
    })
}

pub fn parallel_rayon(args: &Args) -> Result<Measured, String> {
    let (seed, size) = (args.seed, args.size as u64);
    // The pool is started before the clock, like Java's executor.
    let pool = parallel::rayon_pool(args.threads)?;
    iterate(args, || {
        let t = Instant::now();
        let r = black_box(parallel::rayon(&pool, black_box(seed), black_box(size)));
        (t.elapsed(), Checksum::U64(r))
    })
}

pub fn parallel_threads(args: &Args) -> Result<Measured, String> {
    let (seed, size, threads) = (args.seed, args.size as u64, args.threads);
    iterate(args, || {
        let t = Instant::now();
        let r = black_box(parallel::threads(black_box(seed), black_box(size), threads));
        (t.elapsed(), Checksum::U64(r))
    })
}

pub(crate) fn iterate(
    args: &Args,
    mut step: impl FnMut() -> (Duration, Checksum),
) -> Result<Measured, String> {
    let total = args.warmup + args.iterations;
    let mut times = Vec::with_capacity(total);
    let mut first: Option<Checksum> = None;
    let mut checksum = Checksum::Float(0.0);
    for i in 0..total {
        let (elapsed, value) = step();
        times.push(u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX));
        // Same input, same code: any difference is a bug, compared bit for bit.
        match first {
            None => first = Some(value),
            Some(f) if !f.same(&value) => {
                return Err(format!(
                    "error: iteration {i} gave checksum {}, iteration 0 gave {}; the kernel is not deterministic",
                    value.to_protocol_string(),
                    f.to_protocol_string()
                ));
            }
            Some(_) => {}
        }
        checksum = value;
    }
    let samples_ns = times.split_off(args.warmup);
    Ok(Measured {
        warmup_ns: times,
        samples_ns,
        checksum,
        extra: serde_json::Map::new(),
    })
}
