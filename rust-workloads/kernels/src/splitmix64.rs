//! SplitMix64, the generator every language uses so that all implementations
//! of a workload see bit-identical inputs (see `docs/workloads.md`).

/// Generator state; starts at the seed itself, as the spec says.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Top 53 bits scaled by 2^-53: exactly representable, in [0, 1), and the
    /// same value in every language.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The `n` first doubles of the generator seeded with `seed`: the input
/// vectors of `dot` and `normalize`.
pub fn doubles(seed: u64, n: usize) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..n).map(|_| rng.next_f64()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn golden_u64_seed_42() {
        let mut rng = SplitMix64::new(42);
        assert_eq!(rng.next_u64(), 0xbdd7_3226_2feb_6e95);
        assert_eq!(rng.next_u64(), 0x28ef_e333_b266_f103);
        assert_eq!(rng.next_u64(), 0x4752_6757_130f_9f52);
    }

    #[test]
    fn golden_doubles_seed_42() {
        let mut rng = SplitMix64::new(42);
        assert_eq!(rng.next_f64(), 0.7415648787718233);
        assert_eq!(rng.next_f64(), 0.1599103928769201);
        assert_eq!(rng.next_f64(), 0.27860113025513866);
        assert_eq!(
            doubles(42, 3),
            vec![0.7415648787718233, 0.1599103928769201, 0.27860113025513866]
        );
    }

    #[test]
    fn golden_u64_seed_0() {
        assert_eq!(SplitMix64::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn wraps_at_max_seed() {
        // The seed is a full u64 (the runner accepts seed + 1 for `b`); the
        // additions must wrap rather than panic in debug builds.
        let mut rng = SplitMix64::new(u64::MAX);
        let _ = rng.next_u64();
        let _ = rng.next_u64();
    }

    #[test]
    fn doubles_are_in_unit_interval() {
        assert!(doubles(7, 10_000).iter().all(|&x| (0.0..1.0).contains(&x)));
        assert!(doubles(7, 0).is_empty());
    }
}
