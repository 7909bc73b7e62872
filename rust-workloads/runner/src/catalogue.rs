//! The runner's catalogue: ONE row per (workload, variant) is the only place a
//! variant is registered. Flag validation (cli.rs), the `--threads` note
//! (main.rs), dispatch (measure.rs's functions named here) and `--list`
//! (runner protocol 2, `docs/runner-protocol.md`) all read [`TABLE`].

use serde::Serialize;

use crate::cli::Args;
use crate::measure::{self, Measured};

/// The protocol's `kind` of an implementation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Naive,
    Idiomatic,
    Optimized,
}

/// One (workload, variant) this runner implements.
pub struct Implementation {
    pub workload: &'static str,
    pub variant: &'static str,
    pub kind: Kind,
    /// One line for `--list`: what the code does and what it reuses between calls.
    pub description: &'static str,
    /// Whether the kernel uses `--threads` > 1 (otherwise the value is only recorded).
    pub threaded: bool,
    /// Checks the flags this row depends on (`--input`); `Err` is the exit-2 line.
    pub check: fn(&Args) -> Result<(), String>,
    /// Makes the input and runs the timed iterations; `Err` is the exit-1 message.
    pub measure: fn(&Args) -> Result<Measured, String>,
}

/// Every implementation, in `--list` order. Rust needs nothing at run time
/// that could be missing, so every row is available.
pub const TABLE: &[Implementation] = &[
    Implementation {
        workload: "dot",
        variant: "naive",
        kind: Kind::Naive,
        description: "the straightforward iterator loop (runner allocator: mimalloc)",
        threaded: false,
        check: no_input,
        measure: |a| measure::dot(a, polybench_kernels::dot::naive),
    },
    Implementation {
        workload: "dot",
        variant: "optimized",
        kind: Kind::Optimized,
        description: "independent accumulators the compiler vectorises; lto, target-cpu=native, mimalloc",
        threaded: false,
        check: no_input,
        measure: |a| measure::dot(a, polybench_kernels::dot::optimized),
    },
    Implementation {
        workload: "normalize",
        variant: "naive",
        kind: Kind::Naive,
        description: "the straightforward iterator loop (runner allocator: mimalloc)",
        threaded: false,
        check: no_input,
        measure: |a| measure::normalize(a, polybench_kernels::normalize::naive),
    },
    Implementation {
        workload: "normalize",
        variant: "optimized",
        kind: Kind::Optimized,
        description: "fused passes the compiler vectorises; lto, target-cpu=native, mimalloc",
        threaded: false,
        check: no_input,
        measure: |a| measure::normalize(a, polybench_kernels::normalize::optimized),
    },
    Implementation {
        workload: "parallel",
        variant: "threads",
        kind: Kind::Idiomatic,
        description: "std::thread::scope, one thread per contiguous chunk, spawned on each call (nothing reused between calls)",
        threaded: true,
        check: no_input,
        measure: measure::parallel_threads,
    },
    Implementation {
        workload: "parallel",
        variant: "rayon",
        kind: Kind::Idiomatic,
        description: "into_par_iter over the range in a local rayon ThreadPool of exactly T threads built before timing and reused by every call (not the global pool)",
        threaded: true,
        check: no_input,
        measure: measure::parallel_rayon,
    },
    Implementation {
        workload: "tokenize",
        variant: "native",
        kind: Kind::Optimized,
        description: "our byte-level WordPiece: lowercase into a stack buffer, whole-word lookup first, Fx-hashed maps; one call per document",
        threaded: false,
        // present, ASCII, --size bytes, vocab.txt beside it
        check: |a| crate::tokenize::load(a).map(|_| ()),
        measure: crate::tokenize::run,
    },
    Implementation {
        workload: "binary-trees",
        variant: "box",
        kind: Kind::Naive,
        description: "a Box per node, built and counted recursively, freed node by node when the tree drops (mimalloc)",
        threaded: false,
        check: crate::binary_trees::check,
        measure: crate::binary_trees::run_box,
    },
    Implementation {
        workload: "binary-trees",
        variant: "arena",
        kind: Kind::Idiomatic,
        description: "every node of a tree in one bumpalo arena (pinned 3.19.0), the arena dropped at once after the walk",
        threaded: false,
        check: crate::binary_trees::check,
        measure: crate::binary_trees::run_arena,
    },
];

fn no_input(args: &Args) -> Result<(), String> {
    match args.input {
        Some(_) => Err(format!(
            "error: --input is not used by workload '{}' (its input comes from --seed); drop --input",
            args.workload
        )),
        None => Ok(()),
    }
}

/// The row of `--workload`/`--variant`, or the one-line usage error (exit 2)
/// naming the flag and the known values.
pub fn find(workload: &str, variant: &str) -> Result<&'static Implementation, String> {
    let rows: Vec<&'static Implementation> =
        TABLE.iter().filter(|i| i.workload == workload).collect();
    if rows.is_empty() {
        let mut known: Vec<&str> = TABLE.iter().map(|i| i.workload).collect();
        known.dedup();
        return Err(format!(
            "error: --workload '{workload}' is unknown; use one of: {}",
            known.join(", ")
        ));
    }
    rows.iter()
        .copied()
        .find(|i| i.variant == variant)
        .ok_or_else(|| {
            let known: Vec<&str> = rows.iter().map(|i| i.variant).collect();
            format!(
                "error: --variant '{variant}' is unknown for workload '{workload}'; use one of: {}",
                known.join(", ")
            )
        })
}

#[derive(Serialize)]
struct Catalogue {
    protocol: u32,
    runner: &'static str,
    language: &'static str,
    implementations: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    workload: &'static str,
    variant: &'static str,
    kind: Kind,
    description: &'static str,
    available: bool,
    reason: Option<&'static str>,
    opt_in: bool,
}

/// The `--list` document (one line of JSON).
pub fn to_json() -> String {
    let doc = Catalogue {
        protocol: crate::report::PROTOCOL,
        runner: "rust",
        language: "rust",
        implementations: TABLE
            .iter()
            .map(|i| Row {
                workload: i.workload,
                variant: i.variant,
                kind: i.kind,
                description: i.description,
                available: true,
                reason: None,
                opt_in: false,
            })
            .collect(),
    };
    serde_json::to_string(&doc).expect("the catalogue serialises")
}
