//! The startup workload's Rust program (docs/workloads.md#startup): a release
//! binary whose main does nothing (the default allocator: nothing to set up).

fn main() {}
