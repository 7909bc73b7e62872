//! The criterion referee of `./bench crosscheck` (harness/.../crosscheck): one
//! benchmark of one Rust cell, chosen by the harness through the environment
//! (POLYBENCH_WORKLOAD, POLYBENCH_VARIANT, POLYBENCH_SIZE, POLYBENCH_SEED and,
//! for tokenize, POLYBENCH_INPUT), with the same seeded inputs as the runner
//! (`splitmix64::doubles`, the harness's corpus file) and the runner's
//! allocator (mimalloc). Its id is `<workload>-<variant>-<size>`, so criterion
//! writes `<CRITERION_HOME>/<id>/new/estimates.json`, which the harness reads.
//!
//! Where outputs are freed follows the runner: normalize's inside the timed
//! loop (`iter`), as the runner frees every measured output before its clock
//! read (as pyperf's loop does); tokenize's outside (`iter_with_large_drop`),
//! as the runner's per-document loop frees them after its clock read.

use std::hint::black_box;

use criterion::Criterion;
use polybench_kernels::{dot, normalize, splitmix64, tokenize};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: ./bench crosscheck sets it"))
}

fn main() {
    let workload = var("POLYBENCH_WORKLOAD");
    let variant = var("POLYBENCH_VARIANT");
    let size: usize = var("POLYBENCH_SIZE").parse().expect("POLYBENCH_SIZE: a whole number");
    let seed: u64 = var("POLYBENCH_SEED").parse().expect("POLYBENCH_SEED: an unsigned 64-bit number");
    let id = format!("{workload}-{variant}-{size}");
    // criterion's own flags (--warm-up-time, --measurement-time, --sample-size, ...) come from the command line
    let mut c = Criterion::default().configure_from_args();
    match (workload.as_str(), variant.as_str()) {
        ("dot", v) => {
            let kernel = match v {
                "naive" => dot::naive,
                "optimized" => dot::optimized,
                _ => panic!("dot has no variant {v}"),
            };
            let a = splitmix64::doubles(seed, size);
            let b = splitmix64::doubles(seed.wrapping_add(1), size);
            c.bench_function(&id, |bench| bench.iter(|| kernel(black_box(&a), black_box(&b))));
        }
        ("normalize", v) => {
            let kernel = match v {
                "naive" => normalize::naive,
                "optimized" => normalize::optimized,
                _ => panic!("normalize has no variant {v}"),
            };
            let xs = splitmix64::doubles(seed, size);
            c.bench_function(&id, |bench| bench.iter(|| kernel(black_box(&xs))));
        }
        ("tokenize", "native") => {
            let input = var("POLYBENCH_INPUT");
            let corpus = std::fs::read(&input).expect("POLYBENCH_INPUT: the corpus file");
            let vocab_path = std::path::Path::new(&input).with_file_name("vocab.txt");
            let vocab = std::fs::read_to_string(vocab_path).expect("vocab.txt next to the corpus");
            let tokenizer = tokenize::WordPiece::from_vocab_text(&vocab).expect("a valid vocabulary");
            let docs = tokenize::documents(&corpus);
            c.bench_function(&id, |bench| {
                bench.iter_with_large_drop(|| {
                    docs.iter().map(|d| tokenizer.encode(black_box(d))).collect::<Vec<Vec<u32>>>()
                })
            });
        }
        (w, v) => panic!("no criterion referee for {w}/{v}"),
    }
    c.final_summary();
}
