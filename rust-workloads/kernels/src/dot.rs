//! `dot`: sum over i of `a[i] * b[i]` (see `docs/workloads.md`).
//!
//! Both kernels panic on mismatched lengths: a silent truncation (what `zip`
//! alone would do) would report a wrong answer as a fast one. Callers that
//! face user input (the Python extension) check first and raise instead.

/// Lanes of independent partial sums in [`optimized`]. Thirty-two f64 are
/// four 512-bit or eight 256-bit registers: enough independent add chains to
/// hide the FP add latency, and enough loads in flight to keep both input
/// streams coming once the vectors no longer fit in cache.
pub const LANES: usize = 32;

/// The loop a Rust developer writes first. Floating-point addition is not
/// associative, so LLVM must keep the single serial chain of additions and
/// cannot vectorise the sum: one add latency per element.
pub fn naive(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "dot: vectors of different lengths");
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Splits the sum into [`LANES`] independent accumulators: this is the
/// reassociation LLVM is not allowed to do on its own, and once written out
/// the lane-wise loop maps straight onto SIMD registers. The order of the
/// additions differs from [`naive`], which the spec allows (relative 1e-9).
pub fn optimized(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "dot: vectors of different lengths");
    let mut acc = [0.0f64; LANES];
    let ca = a.chunks_exact(LANES);
    let cb = b.chunks_exact(LANES);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (xa, xb) in ca.zip(cb) {
        // Fixed-size arrays let LLVM drop the bounds checks and unroll.
        let xa: &[f64; LANES] = xa.try_into().unwrap();
        let xb: &[f64; LANES] = xb.try_into().unwrap();
        for i in 0..LANES {
            acc[i] += xa[i] * xb[i];
        }
    }
    let mut tail = 0.0;
    for (x, y) in ra.iter().zip(rb) {
        tail += x * y;
    }
    // A plain in-order fold of the lanes: a fixed order, so the result does
    // not depend on how LLVM lowers it. (A pairwise tree here looked tidier
    // but led LLVM to pick 128-bit vectors for the whole loop, ~25% slower.)
    acc.iter().sum::<f64>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::splitmix64::doubles;

    /// The spec's value to within a few ulps, independent of both kernels:
    /// every product split exactly into p + e (fma), summed with Neumaier's
    /// compensation. Also returns the sum of |a_i b_i|, the bound's scale.
    fn reference(a: &[f64], b: &[f64]) -> (f64, f64) {
        let (mut s, mut c, mut mag) = (0.0f64, 0.0f64, 0.0f64);
        let mut add = |x: f64, s: &mut f64, c: &mut f64| {
            let t = *s + x;
            *c += if s.abs() >= x.abs() {
                (*s - t) + x
            } else {
                (x - t) + *s
            };
            *s = t;
        };
        for (&x, &y) in a.iter().zip(b) {
            let p = x * y;
            add(p, &mut s, &mut c);
            add(x.mul_add(y, -p), &mut s, &mut c);
            mag += p.abs();
        }
        (s + c, mag)
    }

    /// Within the worst-case float64 bound gamma_n * sum |a_i b_i| (any
    /// summation order), plus the reference's own rounding.
    fn within_bound(x: f64, a: &[f64], b: &[f64]) -> bool {
        let (want, mag) = reference(a, b);
        let nu = a.len() as f64 * f64::EPSILON / 2.0;
        (x - want).abs() <= (nu / (1.0 - nu) + f64::EPSILON) * mag
    }

    #[test]
    fn empty_is_zero() {
        assert_eq!(naive(&[], &[]), 0.0);
        assert_eq!(optimized(&[], &[]), 0.0);
    }

    #[test]
    fn size_one() {
        assert_eq!(naive(&[3.0], &[-2.5]), -7.5);
        assert_eq!(optimized(&[3.0], &[-2.5]), -7.5);
    }

    #[test]
    fn exact_on_small_integers_every_length_up_to_40() {
        // Integer-valued products and sums are exact in f64, so every
        // summation order must give the very same value.
        for n in 0..=40usize {
            let a: Vec<f64> = (0..n).map(|i| i as f64 - 7.0).collect();
            let b: Vec<f64> = (0..n).map(|i| (i % 5) as f64 - 2.0).collect();
            let (want, _) = reference(&a, &b);
            assert_eq!(naive(&a, &b), want, "naive n={n}");
            assert_eq!(optimized(&a, &b), want, "optimized n={n}");
        }
    }

    #[test]
    fn matches_reference_on_seeded_inputs() {
        for n in (0..=40).chain([63, 64, 65, 1000, 4097]) {
            let a = doubles(42, n);
            let b: Vec<f64> = doubles(43, n).iter().map(|x| x - 0.5).collect();
            assert!(within_bound(naive(&a, &b), &a, &b), "naive n={n}");
            assert!(within_bound(optimized(&a, &b), &a, &b), "optimized n={n}");
        }
    }

    #[test]
    #[should_panic(expected = "different lengths")]
    fn naive_rejects_mismatched_lengths() {
        naive(&[1.0, 2.0], &[1.0]);
    }

    #[test]
    #[should_panic(expected = "different lengths")]
    fn optimized_rejects_mismatched_lengths() {
        optimized(&[1.0], &[1.0, 2.0]);
    }
}
