//! `tokenize`: BERT WordPiece over ASCII text, token for token what Hugging
//! Face `tokenizers` gives with `BertNormalizer(lowercase, clean_text=False)`,
//! `BertPreTokenizer` and `WordPiece(max_input_chars_per_word=100)` (see
//! `docs/workloads.md`):
//!
//! - ASCII lowercase;
//! - split on whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`: exactly these);
//!   every ASCII punctuation character is a token of its own;
//! - WordPiece: greedy longest-match-first; pieces after the first carry
//!   `##`; a word longer than 100 characters, or one that cannot be matched
//!   completely, is `[UNK]` as a whole.
//!
//! The tokenizer works on bytes and allocates nothing per word: each word is
//! lowercased into a stack buffer, looked up whole first (most words are
//! vocabulary entries), and only otherwise split. Word-start and `##` pieces
//! live in two hash maps keyed by bytes (the `##` ones without their prefix,
//! so no string is ever built), hashed with a small multiplicative hasher
//! instead of SipHash: the keys are our own vocabulary, not attacker input.
//!
//! Input must be ASCII ([`first_non_ascii`] finds what is not): the spec, and
//! the agreement with Hugging Face, cover ASCII only.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const UNK: &str = "[UNK]";
pub const CONTINUATION: &str = "##";
pub const MAX_INPUT_CHARS_PER_WORD: usize = 100;
/// `checksum_kind` of the workload.
pub const CHECKSUM_KIND: &str = "docs+tokens+fnv64";

const WORD: u8 = 0;
const SPACE: u8 = 1;
const PUNCT: u8 = 2;

/// The class of every byte: whitespace, ASCII punctuation, or part of a word.
/// Other control characters (`\x00`, `\x1c`...) and bytes >= 0x80 are word
/// characters, as in Hugging Face with `clean_text=False`.
const CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let ws = b" \t\n\x0b\x0c\r";
    let mut i = 0;
    while i < ws.len() {
        t[ws[i] as usize] = SPACE;
        i += 1;
    }
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_punctuation() {
            t[b] = PUNCT;
        }
        b += 1;
    }
    t
};

/// FxHash-style hasher: rotate, xor, multiply, 8 bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            self.add(u64::from_le_bytes(bytes[..8].try_into().unwrap()));
            bytes = &bytes[8..];
        }
        if bytes.len() >= 4 {
            self.add(u32::from_le_bytes(bytes[..4].try_into().unwrap()) as u64);
            bytes = &bytes[4..];
        }
        for &b in bytes {
            self.add(b as u64);
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // the multiply leaves the low bits weak; hashbrown indexes with them
        self.hash.rotate_left(26)
    }
}

type Map = HashMap<Box<[u8]>, u32, BuildHasherDefault<FxHasher>>;

/// A WordPiece tokenizer over a vocabulary whose ids are list positions.
pub struct WordPiece {
    /// Tokens that start a word (no `##`).
    starts: Map,
    /// `##` tokens, keyed without the prefix.
    continuations: Map,
    /// Id of each single-byte token (punctuation), or `[UNK]`.
    single: [u32; 128],
    unk: u32,
    max_start: usize,
    max_continuation: usize,
    len: usize,
}

impl WordPiece {
    /// Builds the tokenizer; token `i` gets id `i` (a repeated token keeps its
    /// last id, as a Python dict built from the list would).
    pub fn new<S: AsRef<str>>(vocab: &[S]) -> Result<Self, String> {
        let mut starts = Map::default();
        let mut continuations = Map::default();
        let (mut max_start, mut max_continuation) = (0, 0);
        let mut unk = None;
        for (i, t) in vocab.iter().enumerate() {
            let t = t.as_ref();
            let id = u32::try_from(i).map_err(|_| "vocabulary larger than u32 ids".to_string())?;
            if t == UNK {
                unk = Some(id);
            }
            if let Some(rest) = t.strip_prefix(CONTINUATION) {
                max_continuation = max_continuation.max(rest.len());
                continuations.insert(rest.as_bytes().into(), id);
            } else {
                max_start = max_start.max(t.len());
            }
            // "##x" is also a word-start token: HF looks the whole string up
            // at the start of a word ("##" + "x" can be one word only if "#"
            // were a word character, which it is not, so this never matches).
            starts.insert(t.as_bytes().into(), id);
        }
        let unk = unk.ok_or_else(|| format!("the vocabulary has no {UNK} token"))?;
        let mut single = [unk; 128];
        for (b, slot) in single.iter_mut().enumerate() {
            if let Some(&id) = starts.get(&[b as u8][..]) {
                *slot = id;
            }
        }
        Ok(WordPiece {
            starts,
            continuations,
            single,
            unk,
            max_start,
            max_continuation,
            len: vocab.len(),
        })
    }

    /// From `vocab.txt`: one token per line, the line number (from 0) is its id.
    pub fn from_vocab_text(text: &str) -> Result<Self, String> {
        let tokens: Vec<&str> = vocab_lines(text);
        Self::new(&tokens)
    }

    pub fn vocab_size(&self) -> usize {
        self.len
    }

    pub fn unk_id(&self) -> u32 {
        self.unk
    }

    /// The ids of one text.
    pub fn encode(&self, text: &[u8]) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len() / 4 + 1);
        self.encode_into(text, &mut out);
        out
    }

    /// Appends the ids of `text` to `out`.
    pub fn encode_into(&self, text: &[u8], out: &mut Vec<u32>) {
        let mut buf = [0u8; MAX_INPUT_CHARS_PER_WORD];
        let n = text.len();
        let mut i = 0;
        while i < n {
            let b = text[i];
            match CLASS[b as usize] {
                SPACE => i += 1,
                PUNCT => {
                    out.push(self.single[b as usize]);
                    i += 1;
                }
                _ => {
                    let start = i;
                    while i < n && CLASS[text[i] as usize] == WORD {
                        i += 1;
                    }
                    let word = &text[start..i];
                    if word.len() > MAX_INPUT_CHARS_PER_WORD {
                        out.push(self.unk);
                        continue;
                    }
                    let lower = &mut buf[..word.len()];
                    for (d, s) in lower.iter_mut().zip(word) {
                        *d = s.to_ascii_lowercase();
                    }
                    self.word(lower, out);
                }
            }
        }
    }

    /// WordPiece of one lowercased word of at most 100 bytes.
    #[inline]
    fn word(&self, w: &[u8], out: &mut Vec<u32>) {
        if let Some(&id) = self.starts.get(w) {
            out.push(id);
            return;
        }
        let mark = out.len();
        let mut start = 0;
        while start < w.len() {
            let (map, longest) = if start == 0 {
                (&self.starts, self.max_start)
            } else {
                (&self.continuations, self.max_continuation)
            };
            let mut end = w.len().min(start + longest);
            loop {
                if end == start {
                    out.truncate(mark);
                    out.push(self.unk);
                    return;
                }
                if let Some(&id) = map.get(&w[start..end]) {
                    out.push(id);
                    break;
                }
                end -= 1;
            }
            start = end;
        }
    }
}

/// The lines of `vocab.txt` (a final newline ends the last token).
pub fn vocab_lines(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text.split('\n').collect();
    if v.last() == Some(&"") {
        v.pop();
    }
    v
}

/// The documents of a corpus: one per line; a final newline ends the last
/// line rather than starting an empty one.
pub fn documents(text: &[u8]) -> Vec<&[u8]> {
    if text.is_empty() {
        return Vec::new();
    }
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    body.split(|&b| b == b'\n').collect()
}

/// "line 3, byte 17 (offset 120 in the file) is 0xc3, not ASCII", or `None`.
pub fn first_non_ascii(bytes: &[u8]) -> Option<String> {
    let i = bytes.iter().position(|&b| b >= 0x80)?;
    let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
    let line_start = bytes[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    Some(format!(
        "line {line}, byte {} (offset {i} in the file) is 0x{:02x}, not ASCII",
        i - line_start + 1,
        bytes[i]
    ))
}

/// The workload's checksum: the number of ids and FNV-1a 64 over, per
/// document in order, its id count and then its ids, each as 4 bytes
/// little-endian. The counts make document boundaries part of the checksum:
/// tokenizing the corpus as one document cannot give the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checksum {
    pub count: u64,
    pub hash: u64,
}

impl Default for Checksum {
    fn default() -> Self {
        Checksum {
            count: 0,
            hash: FNV_OFFSET,
        }
    }
}

/// FNV-1a 64's offset basis: the hash of no bytes.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a 64 of `bytes`, continuing from `h` ([`FNV_OFFSET`] to start): this checksum's hash, and
/// the startup prober's digest of a program's stdout (runner/src/bin/polybench-spawn.rs).
#[inline]
pub fn fnv1a_64(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

impl Checksum {
    /// Adds one document's ids.
    pub fn update(&mut self, ids: &[u32]) {
        let mut h = self.hash;
        let len = u32::try_from(ids.len()).expect("a document has fewer than 2^32 ids");
        for &id in std::iter::once(&len).chain(ids) {
            h = fnv1a_64(h, &id.to_le_bytes());
        }
        self.hash = h;
        self.count += ids.len() as u64;
    }

    pub fn of(ids: &[u32]) -> Self {
        let mut c = Checksum::default();
        c.update(ids);
        c
    }
}

impl std::fmt::Display for Checksum {
    /// `"<count>:<16 hex digits>"`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{:016x}", self.count, self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> WordPiece {
        let v = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "a", "##b",
            "##c", "ab", ".", ",", "!", "x", "##x", "hello", "#",
        ];
        WordPiece::new(&v).unwrap()
    }

    #[test]
    fn greedy_longest_match_with_continuations() {
        let t = vocab();
        assert_eq!(t.encode(b"unaffable"), vec![5, 6, 7]);
        assert_eq!(t.encode(b"UnAffAble"), vec![5, 6, 7]);
        assert_eq!(t.encode(b"abc"), vec![11, 10]);
        assert_eq!(t.encode(b"hello, ab."), vec![17, 13, 11, 12]);
    }

    #[test]
    fn unmatched_words_and_unknown_punctuation_are_unk() {
        let t = vocab();
        // "abd": "ab" then no piece for "d": the whole word is [UNK]
        assert_eq!(t.encode(b"abd a"), vec![1, 8]);
        assert_eq!(t.encode(b"?"), vec![1]);
        assert_eq!(t.encode(b"##x"), vec![18, 18, 15]);
    }

    #[test]
    fn word_length_limit_is_100_characters() {
        let t = vocab();
        let w100 = "x".repeat(100);
        assert_eq!(t.encode(w100.as_bytes()), {
            let mut v = vec![15];
            v.extend(std::iter::repeat_n(16, 99));
            v
        });
        assert_eq!(t.encode("x".repeat(101).as_bytes()), vec![1]);
    }

    #[test]
    fn whitespace_is_exactly_the_six_characters() {
        let t = vocab();
        assert_eq!(t.encode(b"a\tab\n\x0bx\x0c\ra  "), vec![8, 11, 15, 8]);
        // \x1c and other controls are word characters: "a\x1cb" has no piece
        assert_eq!(t.encode(b"a\x1cb"), vec![1]);
        assert_eq!(t.encode(b""), Vec::<u32>::new());
        assert_eq!(t.encode(b" \t "), Vec::<u32>::new());
    }

    #[test]
    fn needs_unk() {
        assert!(WordPiece::new(&["a", "b"]).is_err());
    }

    #[test]
    fn documents_are_lines() {
        assert_eq!(documents(b""), Vec::<&[u8]>::new());
        assert_eq!(documents(b"\n"), vec![&b""[..]]);
        assert_eq!(documents(b"a\nb"), vec![&b"a"[..], &b"b"[..]]);
        assert_eq!(documents(b"a\n\nb\n"), vec![&b"a"[..], &b""[..], &b"b"[..]]);
    }

    #[test]
    fn non_ascii_is_located() {
        assert_eq!(first_non_ascii(b"abc\n"), None);
        assert_eq!(
            first_non_ascii("ab\ncd\u{e9}".as_bytes()).unwrap(),
            "line 2, byte 3 (offset 5 in the file) is 0xc3, not ASCII"
        );
    }

    #[test]
    fn checksum_is_fnv1a_over_each_documents_count_then_ids_u32_le() {
        // the spec's definition, byte by byte
        fn fnv(bytes: &[u8]) -> u64 {
            let mut h: u64 = 0xcbf29ce484222325;
            for &b in bytes {
                h = (h ^ b as u64).wrapping_mul(0x100000001b3);
            }
            h
        }
        assert_eq!(Checksum::default().to_string(), "0:cbf29ce484222325");
        // one empty document: its count 0 is hashed
        assert_eq!(Checksum::of(&[]).to_string(), format!("0:{:016x}", fnv(&[0; 4])));
        // one document [1]: count 1, then id 1
        assert_eq!(
            Checksum::of(&[1]).to_string(),
            format!("1:{:016x}", fnv(&[1, 0, 0, 0, 1, 0, 0, 0]))
        );
    }

    #[test]
    fn corpus_tokenized_as_one_document_gives_another_checksum() {
        let mut per_doc = Checksum::default();
        per_doc.update(&[1, 2]);
        per_doc.update(&[3]);
        assert_ne!(per_doc, Checksum::of(&[1, 2, 3]));
        assert_eq!(per_doc.count, 3);
    }
}
