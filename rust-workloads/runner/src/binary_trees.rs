//! `binary-trees` (docs/workloads.md): `--size` is the tree depth d. A
//! long-lived tree of depth d is built before the clock starts and kept
//! until after the last iteration, then walked; each timed iteration builds
//! a tree of depth d, walks it and drops it (the drop is timed: freeing is
//! part of the iteration, as in every language). Checksum `u64`: one
//! iteration's count plus the long-lived tree's. Per-iteration latency
//! percentiles go into `extra.iteration_latency_ns`; Rust has no collector
//! (`extra.gc.collections` is 0, not absent).

use std::hint::black_box;
use std::time::Instant;

use bumpalo::Bump;
use polybench_kernels::binary_trees::{self, arena, boxed, MAX_DEPTH};
use serde_json::json;

use crate::cli::Args;
use crate::measure::{iterate, Checksum, Measured};

pub fn check(args: &Args) -> Result<(), String> {
    if args.input.is_some() {
        return Err("error: --input is not used by workload 'binary-trees' (its size is a depth); drop --input".into());
    }
    if args.size > MAX_DEPTH {
        return Err(format!(
            "error: --size {}: binary-trees' size is the tree depth, at most {MAX_DEPTH} (2^(d+1) - 1 nodes per tree); pass e.g. --size 16",
            args.size
        ));
    }
    Ok(())
}

pub fn run_box(args: &Args) -> Result<Measured, String> {
    let d = args.size;
    let long_lived = boxed::make(d);
    let m = measure(args, || boxed::iteration(black_box(d)))?;
    let long = boxed::count(&long_lived);
    drop(long_lived);
    finish(m, d, long, "Box per node (global allocator: mimalloc)")
}

pub fn run_arena(args: &Args) -> Result<Measured, String> {
    let d = args.size;
    let long_bump = Bump::new();
    let long_lived = arena::make(&long_bump, d);
    let m = measure(args, || arena::iteration(black_box(d)))?;
    let long = arena::count(long_lived);
    finish(m, d, long, "bumpalo::Bump per tree, freed at once when the arena drops")
}

fn measure(args: &Args, mut iteration: impl FnMut() -> u64) -> Result<Measured, String> {
    iterate(args, 0, |_| {
        let t = Instant::now();
        let n = black_box(iteration());
        (t.elapsed(), Some(Checksum::U64(n)))
    })
}

fn finish(mut m: Measured, d: usize, long_lived: u64, allocation: &str) -> Result<Measured, String> {
    let per_iteration = match m.checksum {
        Checksum::U64(n) => n,
        other => return Err(format!("error: binary-trees counted {other:?}")),
    };
    if long_lived != binary_trees::nodes(d) {
        return Err(format!("error: the long-lived tree of depth {d} has {long_lived} nodes"));
    }
    m.checksum = Checksum::U64(per_iteration + long_lived);
    let mut samples = m.samples_ns.clone();
    m.extra.insert("nodes".into(), json!({"per_iteration": per_iteration, "long_lived": long_lived}));
    m.extra.insert("iteration_latency_ns".into(), crate::tokenize::percentiles(&mut samples));
    m.extra.insert("allocation".into(), json!(allocation));
    Ok(m)
}
