//! The workload kernels shared by the `polybench-runner` binary and the
//! `polybench_rs` Python extension, kept free of PyO3 so the runner measures
//! exactly the code the extension calls.
//!
//! Every kernel computes what `docs/workloads.md` specifies; `naive` is the
//! code a Rust developer writes first, `optimized` the one a performance
//! engineer writes in stable Rust.

pub mod binary_trees;
pub mod build_info;
pub mod dot;
pub mod normalize;
pub mod parallel;
pub mod splitmix64;
pub mod tokenize;

/// Crate version, reported by the runner and the extension so results name
/// the kernel code they measured.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
