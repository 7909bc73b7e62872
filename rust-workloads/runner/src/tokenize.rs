//! The `tokenize` workload's measurement: `--input corpus.txt` with
//! `vocab.txt` next to it (both made by the harness), one document per line.
//!
//! Each iteration tokenizes every document, one call per document (the
//! per-document API Hugging Face and our Python extension offer too), each
//! document's ids in a `Vec<u32>` of its own, with no clock read inside it
//! (as criterion's, JMH's and pyperf's loops have none). The per-document
//! latencies come from separate passes after the measured iterations, one clock
//! read per document boundary, as many as give 1,000 document times
//! ([`latency_passes`]); their percentiles go into `extra.doc_latency_ns`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use polybench_kernels::tokenize::{self, Checksum as Tokens, WordPiece};
use serde_json::{Value, json};

use crate::cli::Args;
use crate::measure::{self, Checksum, Measured};

/// The corpus of `--input`, checked: present, ASCII, exactly `--size` bytes,
/// with a usable `vocab.txt` beside it. `Err` is the one-line usage error
/// (exit 2).
pub fn load(args: &Args) -> Result<(Vec<u8>, WordPiece), String> {
    let Some(input) = args.input.as_deref() else {
        return Err(
            "error: --input is required for workload 'tokenize': pass --input corpus.txt (with vocab.txt next to it; ./bench run makes both)"
                .to_string(),
        );
    };
    let corpus = std::fs::read(input)
        .map_err(|e| format!("error: --input {input}: cannot read it ({e})"))?;
    if let Some(bad) = tokenize::first_non_ascii(&corpus) {
        return Err(format!(
            "error: --input {input}: {bad}; the tokenize spec covers ASCII text only"
        ));
    }
    if corpus.len() != args.size {
        return Err(format!(
            "error: --size {} but --input {input} has {} bytes; pass --size {}",
            args.size,
            corpus.len(),
            corpus.len()
        ));
    }
    let vocab_path = vocab_path(Path::new(input));
    let vocab = std::fs::read_to_string(&vocab_path).map_err(|e| {
        format!(
            "error: --input: cannot read the vocabulary {} that must sit next to the corpus ({e})",
            vocab_path.display()
        )
    })?;
    let tokenizer = WordPiece::from_vocab_text(&vocab)
        .map_err(|e| format!("error: --input: vocabulary {}: {e}", vocab_path.display()))?;
    Ok((corpus, tokenizer))
}

fn vocab_path(corpus: &Path) -> PathBuf {
    corpus.with_file_name("vocab.txt")
}

/// Document times wanted from the latency passes: p99.9 needs 1,000 (docs/runner-protocol.md).
pub const LATENCY_DOCUMENTS: usize = 1000;

/// Whole passes over `docs` documents that give at least [`LATENCY_DOCUMENTS`] document
/// times (2 for the 502 documents of 1e5 bytes); none for an empty corpus.
pub fn latency_passes(docs: usize) -> usize {
    if docs == 0 { 0 } else { LATENCY_DOCUMENTS.div_ceil(docs) }
}

/// Runs `args.warmup + args.iterations` passes over the corpus with the runner's one
/// timing loop (`measure::iterate`); an iteration is one `encode` per document, timed as a
/// whole. Then [`latency_passes`] more, each document timed on its own, for the latencies.
pub fn run(args: &Args) -> Result<Measured, String> {
    let (corpus, tokenizer) = load(args)?;
    let docs = tokenize::documents(&corpus);
    let mut m = measure::iterate(args, 0, |_| {
        let mut out: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        let start = Instant::now();
        for doc in &docs {
            out.push(tokenizer.encode(std::hint::black_box(doc)));
        }
        let elapsed = start.elapsed();
        // Reduced and freed outside the timed region.
        let mut c = Tokens::default();
        for ids in &out {
            c.update(ids);
        }
        drop(out);
        (elapsed, Some(Checksum::Tokens(c)))
    })?;
    let mut latencies: Vec<u64> = Vec::with_capacity(docs.len() * latency_passes(docs.len()));
    for _ in 0..latency_passes(docs.len()) {
        let mut out: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        let mut t = Instant::now();
        for doc in &docs {
            out.push(tokenizer.encode(std::hint::black_box(doc)));
            let now = Instant::now();
            latencies.push(nanos(now - t));
            t = now;
        }
        drop(out);
    }
    m.extra.insert("documents".into(), json!(docs.len()));
    m.extra.insert("doc_latency_ns".into(), percentiles(&mut latencies));
    Ok(m)
}

fn nanos(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// Nearest-rank percentiles: the smallest value with at least p% of the
/// values at or below it.
pub fn percentiles(xs: &mut [u64]) -> Value {
    xs.sort_unstable();
    let n = xs.len();
    let rank = |permille: usize| -> u64 {
        if n == 0 {
            return 0;
        }
        let k = (permille * n).div_ceil(1000).max(1);
        xs[k - 1]
    };
    json!({
        "p50": rank(500),
        "p90": rank(900),
        "p99": rank(990),
        "p99_9": rank(999),
        "max": xs.last().copied().unwrap_or(0),
        "count": n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_passes_give_a_thousand_document_times() {
        assert_eq!(latency_passes(502), 2);
        assert_eq!(latency_passes(1000), 1);
        assert_eq!(latency_passes(1001), 1);
        assert_eq!(latency_passes(3), 334);
        assert_eq!(latency_passes(0), 0);
    }

    #[test]
    fn nearest_rank_percentiles() {
        let mut xs: Vec<u64> = (1..=1000).rev().collect();
        let p = percentiles(&mut xs);
        assert_eq!(p["p50"], 500);
        assert_eq!(p["p90"], 900);
        assert_eq!(p["p99"], 990);
        assert_eq!(p["p99_9"], 999);
        assert_eq!(p["max"], 1000);
        assert_eq!(p["count"], 1000);
        let mut one = vec![7];
        assert_eq!(percentiles(&mut one)["p50"], 7);
        assert_eq!(percentiles(&mut [])["max"], 0);
    }
}
