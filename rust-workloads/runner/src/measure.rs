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
    /// Checksums of the workload's verification inputs (dot), each from one
    /// untimed call made before the seeded input exists.
    pub verify: Vec<Checksum>,
    /// Workload-specific fields of the protocol's `extra` (tokenize: latencies).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Measured {
    /// The protocol's checksum string: the seeded input's, then the
    /// verification inputs', separated by a space.
    pub fn checksum_text(&self) -> String {
        std::iter::once(&self.checksum)
            .chain(&self.verify)
            .map(Checksum::to_protocol_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One iteration's checksum, of the kind the workload's spec names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Checksum {
    /// `checksum_kind` "float": compared bit for bit between iterations.
    Float(f64),
    /// `checksum_kind` "u64": an exact integer.
    U64(u64),
    /// `checksum_kind` "docs+tokens+fnv64": token count and FNV-1a over
    /// each document's id count and ids.
    Tokens(polybench_kernels::tokenize::Checksum),
    /// `checksum_kind` "f64+sha256": the count and SHA-256 of the outputs'
    /// float64 bit patterns, little-endian, in order (normalize).
    F64Sha256 { count: u64, digest: [u8; 32] },
}

impl Checksum {
    pub fn kind(&self) -> &'static str {
        match self {
            Checksum::Float(_) => "float",
            Checksum::U64(_) => "u64",
            Checksum::Tokens(_) => polybench_kernels::tokenize::CHECKSUM_KIND,
            Checksum::F64Sha256 { .. } => "f64+sha256",
        }
    }

    /// The protocol's string: the shortest round-trip double, the decimal
    /// integer, or `count:hex`.
    pub fn to_protocol_string(&self) -> String {
        match self {
            Checksum::Float(x) => crate::report::checksum_string(*x),
            Checksum::U64(n) => n.to_string(),
            Checksum::Tokens(t) => t.to_string(),
            Checksum::F64Sha256 { count, digest } => {
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                format!("{count}:{hex}")
            }
        }
    }

    /// `f64+sha256` of `ys` (docs/workloads.md#normalize).
    pub fn f64_sha256(ys: &[f64]) -> Checksum {
        use sha2::{Digest, Sha256};
        let mut sha = Sha256::new();
        let mut buf = [0u8; 8 * 1024];
        for chunk in ys.chunks(1024) {
            for (slot, y) in buf.chunks_exact_mut(8).zip(chunk) {
                slot.copy_from_slice(&y.to_bits().to_le_bytes());
            }
            sha.update(&buf[..chunk.len() * 8]);
        }
        Checksum::F64Sha256 {
            count: ys.len() as u64,
            digest: sha.finalize().into(),
        }
    }

    fn same(&self, other: &Checksum) -> bool {
        match (self, other) {
            (Checksum::Float(a), Checksum::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }
}

/// dot's verification input (docs/workloads.md#dot): a[i] = 1 + 2^-25 at even
/// i and 1 at odd i, b the other way round. Every correct float64 order sums
/// the products 1 + 2^-25 exactly; a float32 input loses half the 2^-25s.
pub fn dot_verify_inputs(n: usize) -> (Vec<f64>, Vec<f64>) {
    const V: f64 = 1.0 + 1.0 / (1u64 << 25) as f64;
    let a = (0..n).map(|i| if i % 2 == 0 { V } else { 1.0 }).collect();
    let b = (0..n).map(|i| if i % 2 == 0 { 1.0 } else { V }).collect();
    (a, b)
}

// The measuring functions the catalogue's rows name (src/catalogue.rs): each
// makes its input, then runs `args.warmup + args.iterations` timed iterations.
// `Err` carries the failure message (exit 1).

pub fn dot(args: &Args, kernel: fn(&[f64], &[f64]) -> f64) -> Result<Measured, String> {
    // the verification input first, untimed, freed before the seeded input is made
    let verify = {
        let (a, b) = dot_verify_inputs(args.size);
        Checksum::Float(black_box(kernel(black_box(&a), black_box(&b))))
    };
    let a = splitmix64::doubles(args.seed, args.size);
    let b = splitmix64::doubles(args.seed.wrapping_add(1), args.size);
    let mut m = iterate(args, || {
        let t = Instant::now();
        let r = black_box(kernel(black_box(&a), black_box(&b)));
        (t.elapsed(), Checksum::Float(r))
    })?;
    m.verify.push(verify);
    Ok(m)
}

pub fn normalize(args: &Args, kernel: fn(&[f64]) -> Vec<f64>) -> Result<Measured, String> {
    let xs = splitmix64::doubles(args.seed, args.size);
    iterate(args, || {
        let t = Instant::now();
        let ys = black_box(kernel(black_box(&xs)));
        let elapsed = t.elapsed();
        // Hashed and freed outside the timed region.
        let checksum = Checksum::f64_sha256(&ys);
        drop(ys);
        (elapsed, checksum)
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

/// `extra.gc` of every Rust cell: there is no collector, so 0 collections by construction
/// (recorded as 0, not left out).
pub fn no_collector() -> serde_json::Value {
    serde_json::json!({"collector": "none (Rust frees deterministically)", "collections": 0, "pause_ns": 0, "max_pause_ns": 0})
}

/// The one timing loop of the Rust runner: `step` makes one timed call and returns its time
/// and checksum (computed after the clock stops); every iteration must give the same checksum.
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
    // one more call, untimed for the samples, with the counting allocator on (alloc_count.rs)
    let ((_, value), allocated) = crate::alloc_count::count(&mut step);
    if !checksum.same(&value) {
        return Err(format!(
            "error: the allocation-counting call gave checksum {}, the measured ones {}; the kernel is not deterministic",
            value.to_protocol_string(),
            checksum.to_protocol_string()
        ));
    }
    let mut extra = serde_json::Map::new();
    extra.insert("alloc_bytes_per_call".into(), serde_json::json!(allocated.bytes));
    extra.insert("alloc_blocks_per_call".into(), serde_json::json!(allocated.blocks));
    extra.insert("alloc_peak_bytes".into(), serde_json::json!(allocated.peak_bytes));
    extra.insert(
        "alloc_method".into(),
        serde_json::json!("a counting #[global_allocator] around mimalloc, all threads, one untimed call"),
    );
    extra.insert("gc".into(), no_collector());
    Ok(Measured {
        warmup_ns: times,
        samples_ns,
        checksum,
        verify: Vec::new(),
        extra,
    })
}
