//! The runner on the `tokenize` workload: `--input` with `vocab.txt` beside
//! it, the checksum of the shared test vectors (ids from Hugging Face), the
//! latency percentiles in `extra`, and exit 2 for every bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

use polybench_kernels::tokenize::Checksum;
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polybench-runner"))
        .args(args)
        .output()
        .expect("runner binary starts")
}

/// A folder with corpus.txt (one document per vector case) and vocab.txt;
/// returns the folder and the checksum Hugging Face's ids give.
fn corpus(tag: &str) -> (PathBuf, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/tokenize-vectors.json"
    );
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("polybench-tokenize-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let vocab: Vec<&str> = v["vocab"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    std::fs::write(dir.join("vocab.txt"), vocab.join("\n") + "\n").unwrap();
    let mut text = String::new();
    let mut checksum = Checksum::default();
    for case in v["cases"].as_array().unwrap() {
        // a newline inside a case is whitespace like a space: same ids
        text.push_str(&case["text"].as_str().unwrap().replace('\n', " "));
        text.push('\n');
        let ids: Vec<u32> = case["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as u32)
            .collect();
        checksum.update(&ids);
    }
    std::fs::write(dir.join("corpus.txt"), &text).unwrap();
    (dir, checksum.to_string())
}

#[test]
fn checksum_equals_hugging_face_and_latencies_are_reported() {
    let (dir, want) = corpus("ok");
    let input = dir.join("corpus.txt");
    let size = std::fs::metadata(&input).unwrap().len().to_string();
    let out = run(&[
        "--workload",
        "tokenize",
        "--variant",
        "native",
        "--size",
        &size,
        "--input",
        input.to_str().unwrap(),
        "--warmup",
        "2",
        "--iterations",
        "3",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["checksum"], want.as_str());
    assert_eq!(v["checksum_kind"], "docs+tokens+fnv64");
    assert_eq!(v["samples_ns"].as_array().unwrap().len(), 3);
    let lat = &v["extra"]["doc_latency_ns"];
    let cases = v["extra"]["documents"].as_u64().unwrap();
    // latencies from whole passes after the measured ones, enough for 1,000 document times
    assert_eq!(lat["count"].as_u64().unwrap(), 1000u64.div_ceil(cases) * cases);
    let p: Vec<u64> = ["p50", "p90", "p99", "p99_9", "max"]
        .iter()
        .map(|k| lat[*k].as_u64().unwrap())
        .collect();
    assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let (dir, _) = corpus("bad");
    let input = dir.join("corpus.txt");
    let size = std::fs::metadata(&input).unwrap().len();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"ok\nna\xc3\xafve\n").unwrap();
    let lonely = std::env::temp_dir().join(format!("polybench-lonely-{}.txt", std::process::id()));
    std::fs::write(&lonely, "hello\n").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--size".into(), size.to_string()],
            "--input is required",
        ),
        (
            vec![
                "--size".into(),
                (size + 1).to_string(),
                "--input".into(),
                input.display().to_string(),
            ],
            "bytes; pass --size",
        ),
        (
            vec![
                "--size".into(),
                "10".into(),
                "--input".into(),
                bad.display().to_string(),
            ],
            "line 2, byte 3",
        ),
        (
            vec![
                "--size".into(),
                "6".into(),
                "--input".into(),
                lonely.display().to_string(),
            ],
            "vocab.txt",
        ),
        (
            vec![
                "--size".into(),
                "6".into(),
                "--input".into(),
                "/nonexistent/corpus.txt".into(),
            ],
            "cannot read",
        ),
    ];
    for (extra, needle) in cases {
        let mut args = vec![
            "--workload".to_string(),
            "tokenize".into(),
            "--variant".into(),
            "native".into(),
        ];
        args.extend(extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&refs);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr} lacks {needle}");
    }
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_file(lonely).ok();
}
