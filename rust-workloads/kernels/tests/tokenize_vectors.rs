//! The shared tokenize test vectors (`tests/fixtures/tokenize-vectors.json`,
//! ids produced by Hugging Face tokenizers): our tokenizer must give the same
//! ids on every case.

use polybench_kernels::tokenize::WordPiece;
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/tokenize-vectors.json"
    );
    let text =
        std::fs::read_to_string(path).expect("tests/fixtures/tokenize-vectors.json is readable");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn every_case_equals_hugging_face() {
    let v = vectors();
    let vocab: Vec<String> = v["vocab"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    let tokenizer = WordPiece::new(&vocab).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want: Vec<u32> = case["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as u32)
            .collect();
        assert_eq!(
            tokenizer.encode(text.as_bytes()),
            want,
            "case {name}: {text:?}"
        );
    }
}
