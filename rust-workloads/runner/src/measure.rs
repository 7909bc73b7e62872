//! Running a workload: inputs are made before the clock starts, only the
//! kernel call is timed, and outputs go into a checksum that must agree across
//! iterations (the first warm-up sample's and the allocation call's after the
//! measured ones; cheap ones every sample's), so the work can neither be
//! skipped by the optimiser nor silently change between runs.

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
    let mut m = iterate(args, sample_target_ns(clock()), |p| {
        let t = Instant::now();
        let mut r = 0.0;
        for _ in 0..p.calls {
            r = black_box(kernel(black_box(&a), black_box(&b)));
        }
        (t.elapsed(), Some(Checksum::Float(r)))
    })?;
    m.verify.push(verify);
    Ok(m)
}

pub fn normalize(args: &Args, kernel: fn(&[f64]) -> Vec<f64>) -> Result<Measured, String> {
    let xs = splitmix64::doubles(args.seed, args.size);
    iterate(args, sample_target_ns(clock()), |p| {
        // Each output is freed inside the timed region (criterion's `iter` drops it there too),
        // except the one a digest is asked of, hashed and freed after the clock stops. Never a
        // digest between measured samples: SHA-256 of 8 MB there left the next call at 1e6
        // 1.1-1.3 ms instead of 0.64-0.94 ms.
        let t = Instant::now();
        for _ in u64::from(p.digest)..p.calls {
            drop(black_box(kernel(black_box(&xs))));
        }
        let ys = p.digest.then(|| black_box(kernel(black_box(&xs))));
        let elapsed = t.elapsed();
        (elapsed, ys.map(|ys| Checksum::f64_sha256(&ys)))
    })
}

pub fn parallel_rayon(args: &Args) -> Result<Measured, String> {
    let (seed, size) = (args.seed, args.size as u64);
    // The pool is started before the clock, like Java's executor.
    let pool = parallel::rayon_pool(args.threads)?;
    iterate(args, 0, |_| {
        let t = Instant::now();
        let r = black_box(parallel::rayon(&pool, black_box(seed), black_box(size)));
        (t.elapsed(), Some(Checksum::U64(r)))
    })
}

pub fn parallel_threads(args: &Args) -> Result<Measured, String> {
    let (seed, size, threads) = (args.seed, args.size as u64, args.threads);
    iterate(args, 0, |_| {
        let t = Instant::now();
        let r = black_box(parallel::threads(black_box(seed), black_box(size), threads));
        (t.elapsed(), Some(Checksum::U64(r)))
    })
}

/// `extra.gc` of every Rust cell: there is no collector, so 0 collections by construction
/// (recorded as 0, not left out).
pub fn no_collector() -> serde_json::Value {
    serde_json::json!({"collector": "none (Rust frees deterministically)", "collections": 0, "pause_ns": 0, "max_pause_ns": 0})
}

/// The shortest a batched sample may last, whatever the clock (docs/runner-protocol.md).
pub const MIN_SAMPLE_NS: u64 = 10_000;
/// A batched sample lasts at least this many times the clock's overhead and resolution.
pub const OVERHEAD_FACTOR: u64 = 100;
/// Past the `--warmup` count, each warm-up entry covers at least `--warmup-time-ms / TIME_PHASE_ENTRIES`.
pub const TIME_PHASE_ENTRIES: u64 = 100;
const MAX_CALLS_PER_SAMPLE: u64 = 1 << 40;

/// The clock as measured at the runner's start: `overhead_ns`, the median of `b - a` over
/// back-to-back `Instant::now()` reads; `resolution_ns`, the smallest non-zero step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockInfo {
    pub overhead_ns: u64,
    pub resolution_ns: u64,
}

/// Measures `now` (nanoseconds from any origin), see [`ClockInfo`].
pub fn clock_info(mut now: impl FnMut() -> u64) -> ClockInfo {
    let mut deltas: Vec<u64> = (0..1001)
        .map(|_| {
            let a = now();
            now() - a
        })
        .collect();
    deltas.sort_unstable();
    let resolution = (0..21)
        .map(|_| {
            let a = now();
            let mut b = now();
            while b == a {
                b = now();
            }
            b - a
        })
        .min()
        .unwrap_or(1);
    ClockInfo {
        overhead_ns: deltas[deltas.len() / 2],
        resolution_ns: resolution.max(1),
    }
}

/// The runner's `Instant` clock, measured once per process.
pub fn clock() -> ClockInfo {
    static CLOCK: std::sync::OnceLock<ClockInfo> = std::sync::OnceLock::new();
    *CLOCK.get_or_init(|| {
        let origin = Instant::now();
        clock_info(|| u64::try_from(origin.elapsed().as_nanos()).unwrap_or(u64::MAX))
    })
}

/// How long one batched sample must last at least.
pub fn sample_target_ns(c: ClockInfo) -> u64 {
    MIN_SAMPLE_NS
        .max(OVERHEAD_FACTOR * c.overhead_ns)
        .max(OVERHEAD_FACTOR * c.resolution_ns)
}

/// What one call of a step is asked for: time `calls` kernel calls in one sample; `measured`
/// says whether the sample is one of the measured ones (tokenize keeps their per-document times);
/// `digest` whether its checksum is wanted: for the first warm-up sample and the allocation call
/// after the measured ones. A step whose checksum is costly (normalize: SHA-256 of the output)
/// returns `None` otherwise, so no digest runs between two measured samples, as none runs between
/// the calls of JMH, pyperf or criterion; a cheap one may always return it (then it is compared).
#[derive(Debug, Clone, Copy)]
pub struct Phase {
    pub calls: u64,
    pub measured: bool,
    pub digest: bool,
}

/// What [`run_loop`] measured: per-call times (a sample's time over its calls).
#[derive(Debug)]
pub struct Looped {
    pub warmup_ns: Vec<u64>,
    pub samples_ns: Vec<u64>,
    pub checksum: Checksum,
    pub calls_per_sample: u64,
    pub warmup_elapsed_ns: u64,
}

/// The loop itself, on any clock (`now`, nanoseconds) so tests can drive it with a fake one.
///
/// Warm-up: at least `warmup` entries, until `warmup_time_ns` has passed since its start, and
/// (with `target_ns` > 0) until calibrated: the calls per sample start at 1 and double after
/// every warm-up sample shorter than `target_ns` (pyperf's loops, JMH's batches). Past the
/// count, one warm-up entry groups samples until it covers `warmup_time_ns / TIME_PHASE_ENTRIES`.
/// Then `iterations` samples of that many calls. Every checksum returned must agree; the first
/// warm-up sample's is asked for ([`Phase::digest`]; the first measured one's if there was no
/// warm-up), and [`iterate`] compares the allocation call's with it.
pub fn run_loop(
    warmup: usize,
    iterations: usize,
    warmup_time_ns: u64,
    target_ns: u64,
    mut now: impl FnMut() -> u64,
    mut step: impl FnMut(Phase) -> (Duration, Option<Checksum>),
) -> Result<Looped, String> {
    let mut first: Option<Checksum> = None;
    let mut n = 0usize;
    let mut check = |value: Option<Checksum>, n: usize| -> Result<(), String> {
        let Some(value) = value else { return Ok(()) };
        // Same input, same code: any difference is a bug, compared bit for bit.
        match first {
            None => first = Some(value),
            Some(f) if !f.same(&value) => {
                return Err(format!(
                    "error: iteration {n} gave checksum {}, iteration 0 gave {}; the kernel is not deterministic",
                    value.to_protocol_string(),
                    f.to_protocol_string()
                ));
            }
            Some(_) => {}
        }
        Ok(())
    };
    let ns = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
    let mut warm = Vec::with_capacity(warmup);
    let mut calls = 1u64;
    let mut checksum: Option<Checksum> = None;
    let start = now();
    let mut calibrated = target_ns == 0;
    while !(warm.len() >= warmup && calibrated && now() - start >= warmup_time_ns) {
        let goal = if warm.len() >= warmup && calibrated { warmup_time_ns / TIME_PHASE_ENTRIES } else { 0 };
        let (mut total, mut done, mut last) = (0u64, 0u64, 0u64);
        while done == 0 || total < goal {
            let (d, value) = step(Phase { calls, measured: false, digest: checksum.is_none() });
            check(value, n)?;
            checksum = checksum.or(value);
            n += 1;
            last = ns(d);
            total = total.saturating_add(last);
            done += calls;
        }
        warm.push((total + done / 2) / done);
        calibrated = target_ns == 0 || last >= target_ns || calls >= MAX_CALLS_PER_SAMPLE;
        if !calibrated {
            calls *= 2;
        }
    }
    let warmup_elapsed_ns = now() - start;
    let mut samples = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let (d, value) = step(Phase { calls, measured: true, digest: checksum.is_none() });
        check(value, n)?;
        checksum = value.or(checksum);
        n += 1;
        samples.push((ns(d) + calls / 2) / calls);
    }
    let checksum = checksum.ok_or("error: the step gave no checksum where one was asked (a runner bug)")?;
    Ok(Looped {
        warmup_ns: warm,
        samples_ns: samples,
        checksum,
        calls_per_sample: calls,
        warmup_elapsed_ns,
    })
}

/// The one timing loop of the Rust runner ([`run_loop`] on `Instant`, with `--warmup`,
/// `--warmup-time-ms` and `--iterations`): `step` times `Phase::calls` calls and returns their
/// time and, when [`Phase::digest`] asks (or always, if cheap), the last one's checksum
/// (computed after the clock stops). `target_ns` 0: never
/// batched (steps that ignore `calls`). Then one more call, untimed for the samples, with the
/// counting allocator on (alloc_count.rs).
pub(crate) fn iterate(
    args: &Args,
    target_ns: u64,
    mut step: impl FnMut(Phase) -> (Duration, Option<Checksum>),
) -> Result<Measured, String> {
    let target_ns = if args.no_calibration { 0 } else { target_ns };
    let origin = Instant::now();
    let looped = run_loop(
        args.warmup,
        args.iterations,
        (args.warmup_time_ms as u64).saturating_mul(1_000_000),
        target_ns,
        || u64::try_from(origin.elapsed().as_nanos()).unwrap_or(u64::MAX),
        &mut step,
    )?;
    let checksum = looped.checksum;
    let ((_, value), allocated) =
        crate::alloc_count::count(|| step(Phase { calls: 1, measured: false, digest: true }));
    let value = value.ok_or("error: the allocation-counting call gave no checksum (a runner bug)")?;
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
    let c = clock();
    extra.insert("calls_per_sample".into(), serde_json::json!(looped.calls_per_sample));
    extra.insert("sample_target_ns".into(), if target_ns == 0 { serde_json::Value::Null } else { serde_json::json!(target_ns) });
    extra.insert("warmup_elapsed_ns".into(), serde_json::json!(looped.warmup_elapsed_ns));
    extra.insert("clock_overhead_ns".into(), serde_json::json!(c.overhead_ns));
    extra.insert("clock_resolution_ns".into(), serde_json::json!(c.resolution_ns));
    Ok(Measured {
        warmup_ns: looped.warmup_ns,
        samples_ns: looped.samples_ns,
        checksum,
        verify: Vec::new(),
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A fake clock: it moves only by what the fake kernel "takes".
    fn fake(call_ns: u64) -> (std::rc::Rc<Cell<u64>>, impl FnMut(Phase) -> (Duration, Option<Checksum>)) {
        let now = std::rc::Rc::new(Cell::new(0u64));
        let t = now.clone();
        let step = move |p: Phase| {
            t.set(t.get() + call_ns * p.calls);
            (Duration::from_nanos(call_ns * p.calls), Some(Checksum::U64(7)))
        };
        (now, step)
    }

    #[test]
    fn calibration_batches_a_fast_kernel_until_a_sample_reaches_the_target() {
        let (now, step) = fake(300);
        let l = run_loop(1, 5, 0, 10_000, || now.get(), step).unwrap();
        // 32 x 300 ns = 9.6 us < 10 us <= 64 x 300 ns
        assert_eq!(l.calls_per_sample, 64);
        assert_eq!(l.samples_ns, vec![300; 5], "per-call times");
        assert_eq!(l.warmup_ns, vec![300; 7], "1, 2, 4, ..., 64 calls");
    }

    #[test]
    fn a_slow_kernel_is_not_batched() {
        let (now, step) = fake(50_000);
        let l = run_loop(2, 3, 0, 10_000, || now.get(), step).unwrap();
        assert_eq!((l.calls_per_sample, l.warmup_ns.len()), (1, 2));
    }

    #[test]
    fn warmup_lasts_the_minimum_time_as_well_as_the_count() {
        let (now, step) = fake(1_000);
        let l = run_loop(2, 3, 5_000_000, 0, || now.get(), step).unwrap();
        assert!(l.warmup_elapsed_ns >= 5_000_000);
        assert!(l.warmup_ns.len() > 2 && l.warmup_ns.len() as u64 <= 2 + TIME_PHASE_ENTRIES + 1);
        assert!(l.warmup_ns.iter().all(|&t| t == 1_000));
    }

    #[test]
    fn the_warmup_count_holds_when_it_outlasts_the_time() {
        let (now, step) = fake(10_000_000);
        let l = run_loop(3, 1, 1_000_000, 0, || now.get(), step).unwrap();
        assert_eq!(l.warmup_ns.len(), 3);
    }

    #[test]
    fn a_sample_that_disagrees_fails() {
        let mut k = 0u64;
        let err = run_loop(0, 3, 0, 0, || 0, |_| {
            k += 1;
            (Duration::from_nanos(1), Some(Checksum::U64(k)))
        })
        .unwrap_err();
        assert!(err.contains("iteration 1"), "{err}");
    }

    /// A costly digest is asked for the first warm-up sample only (or the first measured one
    /// when there was no warm-up), never between two measured samples; a cheap one returned
    /// every time is still compared every time.
    #[test]
    fn the_digest_is_asked_for_the_first_sample_only() {
        let mut asked = Vec::new();
        let l = run_loop(3, 4, 0, 0, || 0, |p| {
            asked.push((p.measured, p.digest));
            (Duration::from_nanos(5), p.digest.then_some(Checksum::U64(9)))
        })
        .unwrap();
        assert_eq!(l.checksum, Checksum::U64(9));
        let want = [(false, true), (false, false), (false, false), (true, false), (true, false), (true, false), (true, false)];
        assert_eq!(asked, want);
        asked.clear();
        run_loop(0, 2, 0, 0, || 0, |p| {
            asked.push((p.measured, p.digest));
            (Duration::from_nanos(5), p.digest.then_some(Checksum::U64(9)))
        })
        .unwrap();
        assert_eq!(asked, [(true, true), (true, false)], "no warm-up: the first measured sample is the reference");
        assert!(run_loop(1, 2, 0, 0, || 0, |_| (Duration::from_nanos(5), None)).is_err(), "no checksum at all is a bug");
    }

    #[test]
    fn clock_info_finds_overhead_and_resolution() {
        let mut t = 0u64;
        let c = clock_info(|| {
            t += 7;
            t / 40 * 40
        });
        assert_eq!(c.resolution_ns, 40);
        assert_eq!(c.overhead_ns, 0);
        assert_eq!(sample_target_ns(ClockInfo { overhead_ns: 25, resolution_ns: 1 }), MIN_SAMPLE_NS);
        assert_eq!(sample_target_ns(ClockInfo { overhead_ns: 500, resolution_ns: 1 }), 50_000);
    }
}
