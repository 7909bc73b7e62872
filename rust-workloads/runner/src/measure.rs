//! Running a workload: inputs are made before the clock starts, only the
//! kernel call is timed, and every iteration's output goes into a checksum
//! that must agree across iterations, so the work can neither be skipped by
//! the optimiser nor silently change between runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use polybench_kernels::{dot, normalize, splitmix64};

use crate::cli::Args;

pub struct Measured {
    pub warmup_ns: Vec<u64>,
    pub samples_ns: Vec<u64>,
    pub checksum: f64,
}

/// Runs `args.warmup + args.iterations` timed iterations of the workload.
/// `Err` carries the failure message (exit 1).
pub fn run(args: &Args) -> Result<Measured, String> {
    let n = args.size;
    match (args.workload.as_str(), args.variant.as_str()) {
        ("dot", variant) => {
            let kernel: fn(&[f64], &[f64]) -> f64 = match variant {
                "naive" => dot::naive,
                _ => dot::optimized,
            };
            let a = splitmix64::doubles(args.seed, n);
            let b = splitmix64::doubles(args.seed.wrapping_add(1), n);
            iterate(args, || {
                let t = Instant::now();
                let r = black_box(kernel(black_box(&a), black_box(&b)));
                (t.elapsed(), r)
            })
        }
        ("normalize", variant) => {
            let kernel: fn(&[f64]) -> Vec<f64> = match variant {
                "naive" => normalize::naive,
                _ => normalize::optimized,
            };
            let xs = splitmix64::doubles(args.seed, n);
            iterate(args, || {
                let t = Instant::now();
                let ys = black_box(kernel(black_box(&xs)));
                let elapsed = t.elapsed();
                // Summed and freed outside the timed region.
                let sum: f64 = ys.iter().sum();
                drop(ys);
                (elapsed, sum)
            })
        }
        (w, _) => Err(format!("workload '{w}' has no implementation")),
    }
}

fn iterate(args: &Args, mut step: impl FnMut() -> (Duration, f64)) -> Result<Measured, String> {
    let total = args.warmup + args.iterations;
    let mut times = Vec::with_capacity(total);
    let mut first: Option<f64> = None;
    let mut checksum = 0.0;
    for i in 0..total {
        let (elapsed, value) = step();
        times.push(u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX));
        // Same input, same code: any difference is a bug, compared bit for bit.
        match first {
            None => first = Some(value),
            Some(f) if f.to_bits() != value.to_bits() => {
                return Err(format!(
                    "error: iteration {i} gave checksum {value:?}, iteration 0 gave {f:?}; the kernel is not deterministic"
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
    })
}
