package org.polybench.harness.tokenize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polybench.workloads.SplitMix64;

/**
 * The one generator of the {@code tokenize} workload's data (docs/workloads.md): a lexicon of
 * pseudo-words made of syllables, a vocabulary built from it by fixed rules (no library trains it,
 * so no library version can change it), and a corpus of {@code size} bytes whose words follow a
 * Zipf-like frequency. Everything comes from one SplitMix64 stream started at the seed; the
 * vocabulary depends on the seed only, the corpus on seed and size.
 *
 * <p>What the corpus exercises: lowercasing (capitalised sentence starts, ALL-CAPS words),
 * punctuation of every kind as single tokens, numbers split into digit pieces, frequent words
 * that are whole vocabulary entries, rare words and long compounds that need {@code ##} pieces,
 * "foreign" words with a letter that has no {@code ##} piece (they end as {@code [UNK]}), and
 * very rare words longer than 100 characters (also {@code [UNK]}). Whitespace is mostly single
 * spaces, sometimes doubled or a tab. One document per line.
 */
public final class CorpusGenerator {
  /** Bump when the output changes: cached data of another version is regenerated. */
  public static final String VERSION = "1";

  public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
  /** The 32 ASCII punctuation characters, in ASCII order. */
  public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  /** Words in the lexicon, ranked by frequency (rank 0 most frequent). */
  static final int LEXICON_SIZE = 20_000;
  /** The most frequent lexicon words that are whole vocabulary entries; the rest need pieces. */
  static final int VOCAB_WORDS = 8_000;
  /** Letters that get no {@code ##} piece: a word with one of them after its start is [UNK]. */
  static final String NO_CONTINUATION = "qxz";

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
    "br", "ch", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "rt", "st", "ng"};

  private final long seed;
  private final List<String> lexicon;
  private final double[] cumulative;

  public CorpusGenerator(long seed) {
    this.seed = seed;
    SplitMix64 rng = new SplitMix64(seed);
    Set<String> words = new LinkedHashSet<>();
    while (words.size() < LEXICON_SIZE) {
      words.add(word(rng, syllableCount(rng)));
    }
    // short words are the frequent ones, as in real text: rank by length (stable, so ties keep
    // the generator's order)
    List<String> ranked = new ArrayList<>(words);
    ranked.sort(java.util.Comparator.comparingInt(String::length));
    this.lexicon = List.copyOf(ranked);
    // Zipf with exponent 1: weight of rank r is 1/(r+1)
    this.cumulative = new double[LEXICON_SIZE];
    double total = 0;
    for (int r = 0; r < LEXICON_SIZE; r++) {
      total += 1.0 / (r + 1);
      cumulative[r] = total;
    }
  }

  /** The lexicon, most frequent first. */
  public List<String> lexicon() {
    return lexicon;
  }

  /**
   * The vocabulary, one token per id in order: the special tokens, the 32 punctuation characters,
   * digits and letters with their {@code ##} pieces (none for q, x, z), every onset+vowel syllable
   * as a word start and as a {@code ##} piece, every vowel+coda as a {@code ##} piece, then the
   * {@value #VOCAB_WORDS} most frequent words. Duplicates keep their first id.
   */
  public List<String> vocabulary() {
    Set<String> v = new LinkedHashSet<>(SPECIAL_TOKENS);
    for (char c : PUNCTUATION.toCharArray()) v.add(String.valueOf(c));
    for (char c = '0'; c <= '9'; c++) v.add(String.valueOf(c));
    for (char c = 'a'; c <= 'z'; c++) v.add(String.valueOf(c));
    for (char c = '0'; c <= '9'; c++) v.add("##" + c);
    for (char c = 'a'; c <= 'z'; c++) {
      if (NO_CONTINUATION.indexOf(c) < 0) v.add("##" + c);
    }
    for (String o : ONSETS) {
      for (String vw : VOWELS) v.add(o + vw);
    }
    for (String o : ONSETS) {
      for (String vw : VOWELS) v.add("##" + o + vw);
    }
    for (String vw : VOWELS) {
      for (String c : CODAS) v.add("##" + vw + c);
    }
    for (String n : List.of("10", "19", "20", "100", "2024", "##00", "##000")) v.add(n);
    for (int r = 0; r < VOCAB_WORDS; r++) v.add(lexicon.get(r));
    return List.copyOf(v);
  }

  /** vocab.txt: one token per line, the line number (from 0) is the id. */
  public String vocabularyText() {
    StringBuilder sb = new StringBuilder();
    for (String t : vocabulary()) sb.append(t).append('\n');
    return sb.toString();
  }

  /**
   * A corpus of exactly {@code size} bytes of ASCII: documents (one per line) until the size is
   * reached; the last one is cut so the text ends with a newline at byte {@code size}.
   */
  public String corpus(long size) {
    if (size < 0 || size > Integer.MAX_VALUE - 1024) {
      throw new IllegalArgumentException("corpus size must be in 0.." + (Integer.MAX_VALUE - 1024) + " bytes, got " + size);
    }
    int n = (int) size;
    // a stream of its own, so the corpus does not shift when the lexicon rules change
    SplitMix64 rng = new SplitMix64(seed ^ 0x746F6B656E697A65L);
    StringBuilder sb = new StringBuilder(n + 4096);
    while (sb.length() < n) {
      document(rng, sb);
      sb.append('\n');
    }
    if (n == 0) return "";
    sb.setLength(n - 1);
    sb.append('\n');
    return sb.toString();
  }

  private void document(SplitMix64 rng, StringBuilder sb) {
    int sentences = 1 + below(rng, 6);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        double u = rng.nextDouble();
        sb.append(u < 0.04 ? "  " : u < 0.06 ? "\t" : " ");
      }
      sentence(rng, sb);
    }
  }

  private void sentence(SplitMix64 rng, StringBuilder sb) {
    int words = 3 + below(rng, 16);
    for (int w = 0; w < words; w++) {
      if (w > 0) sb.append(rng.nextDouble() < 0.01 ? "  " : " ");
      String word = token(rng);
      if (w == 0 && !word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      double wrap = rng.nextDouble();
      if (wrap < 0.01) {
        word = "(" + word + ")";
      } else if (wrap < 0.02) {
        word = "\"" + word + "\"";
      }
      sb.append(word);
      if (w < words - 1 && rng.nextDouble() < 0.08) sb.append(rng.nextDouble() < 0.85 ? "," : rng.nextDouble() < 0.5 ? ";" : ":");
    }
    double end = rng.nextDouble();
    sb.append(end < 0.80 ? "." : end < 0.90 ? "?" : end < 0.97 ? "!" : "...");
  }

  /** One whitespace-free token of a sentence: mostly a Zipf word, sometimes something rarer. */
  private String token(SplitMix64 rng) {
    double u = rng.nextDouble();
    if (u < 0.0002) return longWord(rng);
    if (u < 0.0060) return compound(rng);
    if (u < 0.0085) return foreign(rng);
    if (u < 0.0500) return number(rng);
    if (u < 0.0650) return zipfWord(rng).toUpperCase(Locale.ROOT);
    if (u < 0.0800) return zipfWord(rng) + "-" + zipfWord(rng);
    if (u < 0.0900) return zipfWord(rng) + "'" + pick(rng, "s", "t", "ll", "re", "d");
    if (u < 0.0950) return symbol(rng);
    return zipfWord(rng);
  }

  private String zipfWord(SplitMix64 rng) {
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lexicon.get(lo);
  }

  /** A long word of 4 to 9 syllables, never in the vocabulary whole: it becomes ## pieces. */
  private static String compound(SplitMix64 rng) {
    return word(rng, 4 + below(rng, 6));
  }

  /** A word with q, x or z after its first letter: no ## piece matches it, so it is [UNK]. */
  private static String foreign(SplitMix64 rng) {
    String w = word(rng, 1 + below(rng, 3));
    int at = 1 + below(rng, w.length());
    return w.substring(0, at) + NO_CONTINUATION.charAt(below(rng, 3)) + w.substring(at);
  }

  /** 101 to 160 letters without a break: longer than max_input_chars_per_word, so [UNK]. */
  private static String longWord(SplitMix64 rng) {
    int len = 101 + below(rng, 60);
    StringBuilder sb = new StringBuilder(len + 8);
    while (sb.length() < len) sb.append(syllable(rng));
    sb.setLength(len);
    return sb.toString();
  }

  private static String number(SplitMix64 rng) {
    double u = rng.nextDouble();
    if (u < 0.3) return Integer.toString(below(rng, 100));
    if (u < 0.5) return Integer.toString(1900 + below(rng, 130));
    if (u < 0.7) return below(rng, 100) + "." + below(rng, 100);
    if (u < 0.85) return (1 + below(rng, 999)) + "," + String.format(Locale.ROOT, "%03d", below(rng, 1000));
    return Integer.toString(below(rng, 1_000_000));
  }

  private String symbol(SplitMix64 rng) {
    return switch (below(rng, 10)) {
      case 0 -> "$" + (1 + below(rng, 500));
      case 1 -> below(rng, 100) + "%";
      case 2 -> "#" + zipfWord(rng);
      case 3 -> "@" + zipfWord(rng);
      case 4 -> zipfWord(rng) + "@" + zipfWord(rng) + ".com";
      case 5 -> zipfWord(rng) + "/" + zipfWord(rng);
      case 6 -> "[" + (1 + below(rng, 40)) + "]";
      case 7 -> "&";
      case 8 -> zipfWord(rng) + "_" + zipfWord(rng);
      default -> pick(rng, "<", ">", "=", "+", "*", "^", "~", "|", "{", "}", "\\", "`");
    };
  }

  private static int syllableCount(SplitMix64 rng) {
    double u = rng.nextDouble();
    return u < 0.25 ? 1 : u < 0.65 ? 2 : u < 0.90 ? 3 : 4;
  }

  private static String word(SplitMix64 rng, int syllables) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < syllables; i++) sb.append(syllable(rng));
    return sb.toString();
  }

  private static String syllable(SplitMix64 rng) {
    return ONSETS[below(rng, ONSETS.length)] + VOWELS[below(rng, VOWELS.length)] + CODAS[below(rng, CODAS.length)];
  }

  private static String pick(SplitMix64 rng, String... options) {
    return options[below(rng, options.length)];
  }

  /** Uniform in [0, n): the top bits of the next u64 scaled, no modulo bias worth noting. */
  private static int below(SplitMix64 rng, int n) {
    return (int) ((rng.nextLong() >>> 33) * n >>> 31);
  }

  /** For tests: the words of the vocabulary that are lexicon words. */
  List<String> vocabularyWords() {
    return new ArrayList<>(lexicon.subList(0, VOCAB_WORDS));
  }
}
