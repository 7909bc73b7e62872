//! Runs the real `polybench-runner` binary and checks it against
//! `docs/runner-protocol.md`: what the orchestrator relies on, not internals.

use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polybench-runner"))
        .args(args)
        .output()
        .expect("runner binary starts")
}

/// Runs with the given flags, expects exit 0, returns the one JSON line.
fn measure_raw(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "exactly one JSON line on stdout, got: {stdout}"
    );
    lines[0].to_string()
}

/// Runs with the given flags, expects exit 0, returns the one JSON object.
fn measure(args: &[&str]) -> Value {
    serde_json::from_str(&measure_raw(args)).expect("stdout is JSON")
}

/// Expects exit 2 and a single stderr line containing every `needles`.
fn usage_error(args: &[&str], needles: &[&str]) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "args {args:?}, stderr: {stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout for bad arguments");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one stderr line, got: {stderr}"
    );
    for n in needles {
        assert!(stderr.contains(n), "stderr {stderr:?} lacks {n:?}");
    }
}

/// The seeded input's dot (the checksum's first value).
fn checksum(v: &Value) -> f64 {
    v["checksum"]
        .as_str()
        .expect("checksum is a string")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .expect("checksum parses as f64")
}

/// The verification input's dot (docs/workloads.md#dot), the second value.
fn verify_checksum(v: &Value) -> f64 {
    let s = v["checksum"].as_str().expect("checksum is a string");
    let parts: Vec<&str> = s.split(' ').collect();
    assert_eq!(parts.len(), 2, "seeded and verification value: {s}");
    parts[1].parse().expect("parses as f64")
}

const VERIFY_VALUE: f64 = 1.0 + 1.0 / 33_554_432.0; // 1 + 2^-25

#[test]
fn json_fields_types_and_order() {
    let raw = measure_raw(&[
        "--workload",
        "dot",
        "--variant",
        "optimized",
        "--size",
        "1000",
        "--warmup",
        "2",
        "--iterations",
        "3",
        "--seed",
        "7",
        "--threads",
        "2",
    ]);
    // serde_json's Value sorts keys, so the order is checked on the raw line.
    let keys = [
        "protocol",
        "workload",
        "language",
        "variant",
        "size",
        "threads",
        "seed",
        "warmup_ns",
        "samples_ns",
        "checksum",
        "checksum_kind",
        "peak_rss_bytes",
        "runtime",
        "extra",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| raw.find(&format!("\"{k}\":")).expect(k))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "field order: {raw}"
    );
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v.as_object().unwrap().len(), keys.len(), "no extra fields");
    assert_eq!(v["protocol"], 2);
    assert_eq!(v["workload"], "dot");
    assert_eq!(v["language"], "rust");
    assert_eq!(v["variant"], "optimized");
    assert_eq!(v["size"], 1000);
    assert_eq!(v["threads"], 2, "threads recorded as given");
    assert_eq!(v["seed"], 7);
    assert_eq!(v["checksum_kind"], "float");
    assert!(checksum(&v).is_finite());
    assert!(v["peak_rss_bytes"].as_u64().unwrap() > 0);
    for key in ["warmup_ns", "samples_ns"] {
        assert!(
            v[key].as_array().unwrap().iter().all(Value::is_u64),
            "{key} are integers"
        );
    }
    let rt = &v["runtime"];
    assert_eq!(rt["name"], "rustc");
    assert!(rt["version"].as_str().unwrap().starts_with("rustc "));
    for key in ["profile", "target_cpu", "target_features", "kernels"] {
        assert!(rt[key].is_string(), "runtime.{key} is a string");
    }
    if cfg!(target_os = "linux") {
        assert!(v["extra"]["cpu_affinity"].is_string(), "extra.cpu_affinity");
    }
}

#[test]
fn parallel_gives_the_exact_u64_at_every_thread_count() {
    // docs/workloads.md golden value: seed 7, size 4097.
    for variant in ["threads", "rayon"] {
        for threads in ["1", "2", "3"] {
            let v = measure(&[
                "--workload",
                "parallel",
                "--variant",
                variant,
                "--size",
                "4097",
                "--seed",
                "7",
                "--threads",
                threads,
                "--warmup",
                "1",
                "--iterations",
                "2",
            ]);
            assert_eq!(v["checksum"], "34524495589", "{variant} t={threads}");
            assert_eq!(v["checksum_kind"], "u64");
            assert_eq!(v["threads"], threads.parse::<u64>().unwrap());
        }
        let v = measure(&[
            "--workload",
            "parallel",
            "--variant",
            variant,
            "--size",
            "0",
            "--threads",
            "2",
        ]);
        assert_eq!(v["checksum"], "0");
    }
}

#[test]
fn sample_counts_follow_warmup_and_iterations() {
    for (warmup, iterations) in [("0", "1"), ("3", "10"), ("5", "2")] {
        let v = measure(&[
            "--workload",
            "normalize",
            "--variant",
            "naive",
            "--size",
            "100",
            "--warmup",
            warmup,
            "--iterations",
            iterations,
        ]);
        // at least --warmup: calibrating the calls per sample adds warm-up samples
        assert!(v["warmup_ns"].as_array().unwrap().len() >= warmup.parse::<usize>().unwrap());
        assert_eq!(
            v["samples_ns"].as_array().unwrap().len().to_string(),
            iterations
        );
    }
}

#[test]
fn defaults_are_protocol_defaults() {
    let v = measure(&["--workload", "dot", "--variant", "naive", "--size", "10"]);
    assert_eq!(v["threads"], 1);
    assert_eq!(v["seed"], 42);
    assert!(v["warmup_ns"].as_array().unwrap().len() >= 3);
    assert_eq!(v["samples_ns"].as_array().unwrap().len(), 10);
}

#[test]
fn short_calls_are_batched_and_the_clock_is_recorded() {
    let v = measure(&[
        "--workload", "dot", "--variant", "naive", "--size", "10", "--warmup", "0", "--iterations", "3",
        "--warmup-time-ms", "20",
    ]);
    let e = &v["extra"];
    assert!(e["calls_per_sample"].as_u64().unwrap() > 1, "{e}");
    let (overhead, resolution) = (e["clock_overhead_ns"].as_u64().unwrap(), e["clock_resolution_ns"].as_u64().unwrap());
    assert!(resolution >= 1);
    assert!(e["sample_target_ns"].as_u64().unwrap() >= 100 * overhead.max(resolution));
    assert!(e["warmup_elapsed_ns"].as_u64().unwrap() >= 20_000_000);
}

#[test]
fn no_calibration_makes_every_sample_one_call() {
    // the harness's instruction counts pass it: the calls counted must not depend on the clock
    let v = measure(&[
        "--workload", "dot", "--variant", "naive", "--size", "10", "--warmup", "0", "--iterations", "3",
        "--warmup-time-ms", "20", "--no-calibration",
    ]);
    assert_eq!(v["extra"]["calls_per_sample"], 1);
    assert!(v["extra"]["sample_target_ns"].is_null());
}

#[test]
fn long_workloads_are_not_batched() {
    let v = measure(&[
        "--workload", "parallel", "--variant", "threads", "--size", "1000", "--warmup", "0", "--iterations", "2",
    ]);
    assert_eq!(v["extra"]["calls_per_sample"], 1);
    assert!(v["extra"]["sample_target_ns"].is_null());
}

#[test]
fn dot_naive_and_optimized_agree_at_size_1000() {
    let args = |variant| {
        [
            "--workload",
            "dot",
            "--variant",
            variant,
            "--size",
            "1000",
            "--seed",
            "42",
        ]
    };
    let (n, o) = (measure(&args("naive")), measure(&args("optimized")));
    let (naive, optimized) = (checksum(&n), checksum(&o));
    assert!(naive > 0.0);
    // the float64 bound at 1000 (docs/workloads.md#dot), not 1e-9
    assert!(
        (naive - optimized).abs() <= 4e-14 * naive.abs(),
        "{naive} vs {optimized}"
    );
    for v in [&n, &o] {
        assert_eq!(verify_checksum(v), 1000.0 * VERIFY_VALUE);
    }
}

#[test]
fn normalize_naive_and_optimized_agree() {
    let args = |variant| {
        [
            "--workload",
            "normalize",
            "--variant",
            variant,
            "--size",
            "1001",
        ]
    };
    let (naive, optimized) = (measure(&args("naive")), measure(&args("optimized")));
    assert_eq!(naive["checksum_kind"], "f64+sha256");
    // subtract, then divide: the same bits, so the same SHA-256
    assert_eq!(naive["checksum"], optimized["checksum"]);
    assert!(naive["checksum"].as_str().unwrap().starts_with("1001:"));
}

#[test]
fn size_zero_and_one() {
    for variant in ["naive", "optimized"] {
        for (w, size, want) in [
            ("dot", "0", "0.0 0.0"),
            // SHA-256 of nothing, and of one 0.0 (eight zero bytes)
            (
                "normalize",
                "0",
                "0:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            (
                "normalize",
                "1",
                "1:af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc",
            ),
        ] {
            let v = measure(&["--workload", w, "--variant", variant, "--size", size]);
            if w == "dot" {
                // compared as numbers, as the harness does: Rust's f64 `sum()` of
                // nothing is -0.0, which equals 0.0
                assert_eq!((checksum(&v), verify_checksum(&v)), (0.0, 0.0), "{w}/{variant}");
            } else {
                assert_eq!(v["checksum"], want, "{w}/{variant} size {size}");
            }
        }
        // Size 1: the single product of the first doubles of seeds 42 and 43.
        let v = measure(&["--workload", "dot", "--variant", variant, "--size", "1"]);
        assert!(checksum(&v) > 0.0);
    }
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    let base = ["--workload", "dot", "--variant", "naive", "--size", "10"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().copied().chain(extra.iter().copied()).collect()
    };
    usage_error(
        &["--workload", "fft", "--variant", "naive", "--size", "10"],
        &["--workload", "fft", "dot", "normalize"],
    );
    usage_error(
        &["--workload", "dot", "--variant", "numpy", "--size", "10"],
        &["--variant", "numpy", "naive", "optimized"],
    );
    usage_error(
        &["--workload", "dot", "--variant", "naive", "--size", "-5"],
        &["--size", "non-negative integer"],
    );
    usage_error(
        &["--workload", "dot", "--variant", "naive", "--size", "1e6"],
        &["--size", "non-negative integer"],
    );
    usage_error(&with(&["--iterations", "0"]), &["--iterations", ">= 1"]);
    usage_error(&with(&["--threads", "0"]), &["--threads", ">= 1"]);
    usage_error(
        &with(&["--warmup", "-1"]),
        &["--warmup", "non-negative integer"],
    );
    usage_error(&with(&["--seed", "x"]), &["--seed", "unsigned 64-bit"]);
    usage_error(&with(&["--bogus", "1"]), &["--bogus"]);
    usage_error(&["--workload", "dot", "--variant", "naive"], &["--size"]);
    usage_error(&[], &["--workload", "--variant", "--size"]);
}

#[test]
fn largest_seed_is_accepted() {
    let v = measure(&[
        "--workload",
        "dot",
        "--variant",
        "naive",
        "--size",
        "4",
        "--seed",
        "18446744073709551615",
    ]);
    assert_eq!(v["seed"].as_u64(), Some(u64::MAX));
}

/// Runs `--list` (with `extra` flags, which it ignores), expects exit 0 and one JSON line.
fn list(extra: &[&str]) -> Value {
    let args: Vec<&str> = ["--list"].iter().chain(extra).copied().collect();
    serde_json::from_str(&measure_raw(&args)).expect("--list prints JSON")
}

/// The Rust rows of the catalogue spec's kinds table ("Kinds today (must not
/// change)"), by workload: naive=naive, optimized=optimized, threads=idiomatic,
/// rayon=idiomatic, native=optimized.
const KINDS: &[(&str, &str, &str)] = &[
    ("dot", "naive", "naive"),
    ("dot", "optimized", "optimized"),
    ("normalize", "naive", "naive"),
    ("normalize", "optimized", "optimized"),
    ("parallel", "threads", "idiomatic"),
    ("parallel", "rayon", "idiomatic"),
    ("tokenize", "native", "optimized"),
    ("binary-trees", "box", "naive"),
    ("binary-trees", "arena", "idiomatic"),
];

#[test]
fn list_is_the_protocol_2_catalogue() {
    let v = list(&[]);
    let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        top.len(),
        4,
        "protocol, runner, language, implementations: {v}"
    );
    assert_eq!(v["protocol"], 2);
    assert_eq!(v["runner"], "rust");
    assert_eq!(v["language"], "rust");
    let rows = v["implementations"]
        .as_array()
        .expect("implementations is an array");
    assert!(!rows.is_empty());
    for row in rows {
        let obj = row.as_object().unwrap();
        assert_eq!(
            obj.len(),
            7,
            "workload variant kind description available reason opt_in: {row}"
        );
        assert!(
            row["workload"].is_string() && row["variant"].is_string(),
            "{row}"
        );
        let kind = row["kind"].as_str().unwrap();
        assert!(["naive", "idiomatic", "optimized"].contains(&kind), "{row}");
        let d = row["description"].as_str().unwrap();
        assert!(
            !d.is_empty() && !d.contains('\n'),
            "one-line description: {row}"
        );
        assert_eq!(row["available"], true, "{row}");
        assert!(row["reason"].is_null(), "{row}");
        assert_eq!(row["opt_in"], false, "{row}");
    }
}

#[test]
fn list_kinds_equal_the_spec_in_table_order() {
    let v = list(&[]);
    let got: Vec<(String, String, String)> = v["implementations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("workload"), s("variant"), s("kind"))
        })
        .collect();
    let want: Vec<(String, String, String)> = KINDS
        .iter()
        .map(|(w, v, k)| (w.to_string(), v.to_string(), k.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn list_needs_no_other_flag_and_ignores_the_others() {
    let plain = list(&[]);
    assert_eq!(list(&["--workload", "dot"]), plain);
    assert_eq!(
        list(&["--workload", "fft", "--size", "-1", "--bogus"]),
        plain
    );
    let first = run(&["--workload", "dot", "--variant", "naive", "--list"]);
    assert_eq!(first.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(v, plain, "--list anywhere on the line");
}

#[test]
fn every_listed_row_is_accepted() {
    // tokenize needs --input: a one-document corpus with vocab.txt beside it.
    let dir = std::env::temp_dir().join(format!("polybench-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("vocab.txt"),
        "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\nworld\n",
    )
    .unwrap();
    let corpus = "hello world\n";
    std::fs::write(dir.join("corpus.txt"), corpus).unwrap();
    let input = dir.join("corpus.txt").to_str().unwrap().to_string();
    let size = corpus.len().to_string();

    let v = list(&[]);
    for row in v["implementations"].as_array().unwrap() {
        let (w, var) = (
            row["workload"].as_str().unwrap(),
            row["variant"].as_str().unwrap(),
        );
        let mut args = vec![
            "--workload",
            w,
            "--variant",
            var,
            "--warmup",
            "0",
            "--iterations",
            "1",
        ];
        if w == "tokenize" {
            args.extend(["--size", size.as_str(), "--input", input.as_str()]);
        } else {
            args.extend(["--size", "16"]);
        }
        let out = measure(&args);
        assert_eq!(out["workload"], w);
        assert_eq!(out["variant"], var);
        assert_eq!(out["protocol"], 2);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_variant_names_the_known_ones_from_the_table() {
    for (workload, known) in [
        ("dot", &["naive", "optimized"][..]),
        ("normalize", &["naive", "optimized"][..]),
        ("parallel", &["threads", "rayon"][..]),
        ("tokenize", &["native"][..]),
    ] {
        let mut needles = vec!["--variant", "nope", workload];
        needles.extend(known);
        usage_error(
            &["--workload", workload, "--variant", "nope", "--size", "10"],
            &needles,
        );
    }
    usage_error(
        &["--workload", "fft", "--variant", "naive", "--size", "10"],
        &["--workload", "fft", "dot, normalize, parallel, tokenize"],
    );
}

#[test]
fn threads_above_1_on_a_single_threaded_row_is_recorded_with_a_note() {
    // Behaviour kept from protocol 1: accepted, recorded as given, a note on stderr.
    let out = run(&[
        "--workload",
        "dot",
        "--variant",
        "naive",
        "--size",
        "8",
        "--threads",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--threads 3") && stderr.contains("single-threaded"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["threads"], 3);
    // A threaded row gets no note.
    let out = run(&[
        "--workload",
        "parallel",
        "--variant",
        "rayon",
        "--size",
        "8",
        "--threads",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("single-threaded"));
}

/// Memory figures (docs/runner-protocol.md, extra): the counting allocator sees normalize's
/// one output Vec of `size` doubles and nothing at all in dot; there is no collector, so the
/// GC record is 0, not null; the baseline is a VmHWM read before any input exists.
#[test]
fn allocation_per_call_counts_normalize_output_and_nothing_for_dot() {
    let base = ["--size", "100000", "--warmup", "1", "--iterations", "2"];
    let dot = measure(&[&["--workload", "dot", "--variant", "naive"], &base[..]].concat());
    assert_eq!(dot["extra"]["alloc_bytes_per_call"], 0, "{dot}");
    assert_eq!(dot["extra"]["alloc_peak_bytes"], 0, "{dot}");
    let norm = measure(&[&["--workload", "normalize", "--variant", "naive"], &base[..]].concat());
    let bytes = norm["extra"]["alloc_bytes_per_call"].as_u64().unwrap();
    assert!((800_000..800_000 + 64 * 1024).contains(&bytes), "one Vec<f64> of 1e5: {norm}");
    assert!(norm["extra"]["alloc_peak_bytes"].as_u64().unwrap() >= 800_000, "{norm}");
    for m in [&dot, &norm] {
        assert_eq!(m["extra"]["gc"]["collections"], 0, "{m}");
        assert_eq!(m["extra"]["gc"]["pause_ns"], 0, "{m}");
        let baseline = m["extra"]["baseline_rss_bytes"].as_u64().expect("baseline on Linux");
        let peak = m["peak_rss_bytes"].as_u64().unwrap();
        assert!(baseline > 0 && baseline <= peak, "{m}");
    }
    // the inputs (1.6 MB for dot's two vectors) are in the peak, not the baseline
    let d = dot["peak_rss_bytes"].as_u64().unwrap() - dot["extra"]["baseline_rss_bytes"].as_u64().unwrap();
    assert!(d >= 1_500_000, "{dot}");
}
