//! `parallel`: sum over i in [0, size) of `mix(seed + i) >> 40`, wrapping
//! (see `docs/workloads.md`). A CPU-bound loop with an exact answer that does
//! not depend on the number of threads, for the thread sweep.
//!
//! [`chunk_sum`] is the one loop every variant runs (and what the Python
//! extension calls per chunk); [`threads`] and [`rayon`] only divide the work.

use rayon::prelude::*;

/// The bits dropped from each mixed value: every term is below 2^24.
pub const SHIFT: u32 = 40;

/// SplitMix64's output function.
#[inline]
pub fn mix(v: u64) -> u64 {
    let mut z = v;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[inline]
fn term(seed: u64, i: u64) -> u64 {
    mix(seed.wrapping_add(i)) >> SHIFT
}

/// The sum over one chunk `[start, stop)`.
pub fn chunk_sum(seed: u64, start: u64, stop: u64) -> u64 {
    (start..stop).fold(0u64, |s, i| s.wrapping_add(term(seed, i)))
}

/// Chunk `k` of `threads`: `[k*size/threads, (k+1)*size/threads)`.
pub fn chunk(size: u64, threads: usize, k: usize) -> (u64, u64) {
    let t = threads as u128;
    let n = size as u128;
    let lo = (k as u128 * n / t) as u64;
    let hi = ((k as u128 + 1) * n / t) as u64;
    (lo, hi)
}

/// `rust/threads`: one scoped thread per contiguous chunk, spawned on each
/// call (what `std` offers without a pool), partial sums added in order.
pub fn threads(seed: u64, size: u64, threads: usize) -> u64 {
    assert!(threads >= 1, "parallel: threads must be >= 1");
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let (lo, hi) = chunk(size, threads, k);
                s.spawn(move || chunk_sum(seed, lo, hi))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a parallel worker thread panicked"))
            .fold(0u64, u64::wrapping_add)
    })
}

/// `rust/rayon`: a parallel iterator over the whole range, run in `pool`
/// (a local pool of exactly the requested threads; rayon splits the range by
/// work stealing, which the wrapping sum does not notice).
pub fn rayon(pool: &rayon::ThreadPool, seed: u64, size: u64) -> u64 {
    pool.install(|| {
        (0..size)
            .into_par_iter()
            .map(|i| term(seed, i))
            .reduce(|| 0u64, u64::wrapping_add)
    })
}

/// A rayon pool of exactly `threads` threads, not the global one.
pub fn rayon_pool(threads: usize) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|k| format!("polybench-rayon-{k}"))
        .build()
        .map_err(|e| format!("error: could not start a rayon pool of {threads} threads: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spec written out, one element at a time.
    fn reference(seed: u64, size: u64) -> u64 {
        let mut s = 0u64;
        for i in 0..size {
            s = s.wrapping_add(mix(seed.wrapping_add(i)) >> 40);
        }
        s
    }

    const GOLDEN: &[(u64, u64, u64)] = &[
        (42, 0, 0),
        (42, 1, 10_967_530),
        (42, 1000, 8_272_071_362),
        (7, 4097, 34_524_495_589),
        (u64::MAX, 3, 17_523_307),
    ];

    #[test]
    fn mix_golden() {
        assert_eq!(mix(0), 0);
        assert_eq!(mix(0x9E37_79B9_7F4A_7C15), 0xe220_a839_7b1d_cdaf);
        assert_eq!(mix(42), 0xa759_ea27_d472_7622);
    }

    #[test]
    fn sums_golden() {
        for &(seed, size, want) in GOLDEN {
            assert_eq!(
                reference(seed, size),
                want,
                "reference seed={seed} size={size}"
            );
            assert_eq!(
                chunk_sum(seed, 0, size),
                want,
                "chunk_sum seed={seed} size={size}"
            );
        }
        assert_eq!(chunk_sum(42, 0, 1_000_000), 8_388_861_253_563);
    }

    #[test]
    fn every_variant_and_thread_count_gives_the_exact_sum() {
        for &(seed, size, want) in GOLDEN {
            for t in [1, 2, 3, 4] {
                assert_eq!(threads(seed, size, t), want, "threads t={t} size={size}");
                let pool = rayon_pool(t).unwrap();
                assert_eq!(rayon(&pool, seed, size), want, "rayon t={t} size={size}");
            }
        }
    }

    #[test]
    fn chunks_partition_the_range() {
        for size in [0u64, 1, 2, 5, 1001] {
            for t in [1usize, 2, 3, 7] {
                let bounds: Vec<_> = (0..t).map(|k| chunk(size, t, k)).collect();
                assert_eq!(bounds[0].0, 0);
                assert_eq!(bounds[t - 1].1, size);
                for w in bounds.windows(2) {
                    assert_eq!(w[0].1, w[1].0);
                }
            }
        }
    }

    #[test]
    fn rayon_pool_has_exactly_the_threads_asked() {
        assert_eq!(rayon_pool(3).unwrap().current_num_threads(), 3);
    }
}
