package org.polybench.harness.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one generator of tokenize's data: deterministic (golden hashes: a change to the rules must
 * bump {@link CorpusGenerator#VERSION} and these), exactly {@code size} ASCII bytes, and a
 * vocabulary with what the spec and the corpus need.
 */
class CorpusGeneratorTest {
  /** sha256 of vocab.txt for seed 42. */
  static final String VOCAB_42 = "a944cbf3874b73df2f8b494710102d541e016f2c026dc803fabf150a2b8d2550";
  /** sha256 of the 10,000-byte corpus of seed 42. */
  static final String CORPUS_42_10K = "bc66fd51c9d6e792b026bf81a54f5742dfb614eb29eaddcdde49dc86ecafa05b";

  @Test
  void vocabularyAndCorpusAreDeterministic() {
    CorpusGenerator g = new CorpusGenerator(42);
    assertEquals(VOCAB_42, TokenizeData.sha256(g.vocabularyText().getBytes(StandardCharsets.US_ASCII)));
    assertEquals(CORPUS_42_10K, TokenizeData.sha256(g.corpus(10_000).getBytes(StandardCharsets.US_ASCII)));
    assertEquals(g.vocabularyText(), new CorpusGenerator(42).vocabularyText());
    assertNotEquals(g.vocabularyText(), new CorpusGenerator(43).vocabularyText());
    assertEquals("1", CorpusGenerator.VERSION, "bump the goldens with the version");
  }

  @Test
  void corpusHasExactlySizeAsciiBytesEndingInANewline() {
    CorpusGenerator g = new CorpusGenerator(7);
    assertEquals("", g.corpus(0));
    assertEquals("\n", g.corpus(1));
    for (int size : List.of(2, 99, 1000, 4097, 123_457)) {
      byte[] b = g.corpus(size).getBytes(StandardCharsets.US_ASCII);
      assertEquals(size, b.length);
      assertEquals('\n', b[size - 1]);
      assertNull(TokenizeData.firstNonAscii(b));
    }
    // a smaller corpus is the start of a larger one (up to its cut last line)
    String big = g.corpus(50_000);
    String small = g.corpus(20_000);
    assertTrue(big.startsWith(small.substring(0, small.lastIndexOf('\n', small.length() - 2) + 1)));
  }

  @Test
  void vocabularyHasTheSpecialTokensPunctuationAndPieces() {
    List<String> v = new CorpusGenerator(42).vocabulary();
    assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), v.subList(0, 5));
    assertEquals(v.size(), new HashSet<>(v).size(), "no duplicates");
    for (char c : CorpusGenerator.PUNCTUATION.toCharArray()) assertTrue(v.contains(String.valueOf(c)), "punctuation " + c);
    for (char c = 'a'; c <= 'z'; c++) {
      assertTrue(v.contains(String.valueOf(c)));
      assertEquals(CorpusGenerator.NO_CONTINUATION.indexOf(c) < 0, v.contains("##" + c), "##" + c);
    }
    assertTrue(v.containsAll(new CorpusGenerator(42).vocabularyWords()));
    assertTrue(v.stream().allMatch(t -> !t.isEmpty() && t.chars().noneMatch(ch -> ch <= ' ' || ch >= 0x7f)));
  }

  @Test
  void corpusHasCapitalsNumbersPunctuationLongAndForeignWords() {
    String text = new CorpusGenerator(42).corpus(1_000_000);
    assertTrue(text.chars().anyMatch(Character::isUpperCase));
    assertTrue(text.chars().anyMatch(Character::isDigit));
    assertTrue(text.contains("\t"));
    for (char c : ".,?!()\"'-@#$%&/_[]".toCharArray()) assertTrue(text.indexOf(c) >= 0, "has " + c);
    boolean longWord = false;
    boolean foreign = false;
    for (String w : text.split("[\\s\\p{Punct}]+")) {
      longWord |= w.length() > 100;
      foreign |= w.length() > 1 && w.substring(1).chars().anyMatch(ch -> CorpusGenerator.NO_CONTINUATION.indexOf(Character.toLowerCase(ch)) >= 0);
    }
    assertTrue(longWord, "a word longer than 100 characters ([UNK])");
    assertTrue(foreign, "a word with q/x/z inside ([UNK])");
  }
}
