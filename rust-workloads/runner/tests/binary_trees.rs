//! binary-trees through the real runner binary, against the spec: a perfect
//! tree of depth d has 2^(d+1) - 1 nodes; the checksum is one iteration's tree
//! plus the long-lived tree (docs/workloads.md).

use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polybench-runner"))
        .args(args)
        .output()
        .expect("runner starts")
}

/// The spec's node count, written as the sum of the levels 2^0 + ... + 2^d.
fn nodes(d: u32) -> u64 {
    (0..=d).map(|k| 1u64 << k).sum()
}

#[test]
fn checksum_is_the_node_counts_for_both_variants() {
    for variant in ["box", "arena"] {
        for d in [0u32, 1, 7, 12] {
            let ds = d.to_string();
            let out = run(&[
                "--workload", "binary-trees", "--variant", variant, "--size", &ds, "--warmup", "1", "--iterations", "4",
            ]);
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["checksum_kind"], "u64");
            assert_eq!(v["checksum"], (2 * nodes(d)).to_string(), "{variant} depth {d}");
            assert_eq!(v["extra"]["nodes"]["per_iteration"], nodes(d));
            assert_eq!(v["extra"]["nodes"]["long_lived"], nodes(d));
            let lat = &v["extra"]["iteration_latency_ns"];
            assert_eq!(lat["count"], 4);
            let max = v["samples_ns"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).max().unwrap();
            assert_eq!(lat["max"], max);
            assert_eq!(v["extra"]["gc"]["collections"], 0, "no collector: 0, not absent");
        }
    }
}

#[test]
fn too_deep_or_with_input_is_exit_2() {
    let out = run(&["--workload", "binary-trees", "--variant", "box", "--size", "23"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--size 23"));
    let out = run(&["--workload", "binary-trees", "--variant", "arena", "--size", "3", "--input", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--input"));
}
