//! How this code was compiled, captured at build time by `build.rs` and
//! `cfg!`, so the runner and the extension report the same facts.

/// `rustc --version` of the compiler that built the kernels.
pub const RUSTC_VERSION: &str = env!("POLYBENCH_RUSTC_VERSION");

/// The `-C target-cpu` in force (`default` when none was given).
pub const TARGET_CPU: &str = env!("POLYBENCH_TARGET_CPU");

/// Cargo profile (`release` or `debug`): a debug build's timings are not
/// comparable, and saying so in the result beats guessing later.
pub const PROFILE: &str = env!("POLYBENCH_PROFILE");

/// The SIMD features, among those that matter to these kernels, that the
/// compiler was allowed to use, as a comma list (empty when none).
pub fn target_features() -> String {
    let features: [(&str, bool); 5] = [
        ("sse4.2", cfg!(target_feature = "sse4.2")),
        ("avx", cfg!(target_feature = "avx")),
        ("avx2", cfg!(target_feature = "avx2")),
        ("fma", cfg!(target_feature = "fma")),
        ("avx512f", cfg!(target_feature = "avx512f")),
    ];
    features
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_filled_in() {
        assert!(RUSTC_VERSION.starts_with("rustc "), "{RUSTC_VERSION}");
        assert!(!TARGET_CPU.is_empty());
        assert!(!PROFILE.is_empty());
        let f = target_features();
        assert!(!f.starts_with(',') && !f.ends_with(','), "{f}");
    }
}
