package org.polybench.harness.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.polybench.harness.UserError;

/**
 * The files of the {@code tokenize} workload in the data cache: one folder per corpus holding
 * {@code corpus.txt} (what every runner gets through --input) and {@code vocab.txt} (which every
 * runner loads from the same folder). Folders are written completely under a temporary name and
 * then renamed, so a crashed or concurrent run never leaves half a corpus to be measured.
 */
public final class TokenizeData {
  public static final String CORPUS = "corpus.txt";
  public static final String VOCAB = "vocab.txt";
  /** Holds the generator version the folder was made with; a mismatch regenerates it. */
  static final String STAMP = "generator.txt";

  private TokenizeData() {}

  /** {@code dataDir/tokenize-<seed>-<size>/corpus.txt}, generated once per seed and size. */
  public static Path generated(long size, long seed, Path dataDir) throws IOException {
    Path dir = dataDir.resolve("tokenize-" + Long.toUnsignedString(seed) + "-" + size);
    return ensure(dir, () -> {
      CorpusGenerator g = new CorpusGenerator(seed);
      return new CorpusAndVocab(g.corpus(size).getBytes(StandardCharsets.US_ASCII), g.vocabularyText());
    });
  }

  /**
   * A user's corpus ({@code --corpus}) with the generated vocabulary of {@code seed}: copied into
   * {@code dataDir/tokenize-corpus-<sha256 prefix>-<seed>/} after {@link #checkCorpus} accepted it.
   */
  public static Path userCorpus(Path corpus, long seed, Path dataDir) throws IOException {
    byte[] bytes = checkCorpus(corpus);
    Path dir = dataDir.resolve("tokenize-corpus-" + sha256(bytes).substring(0, 16) + "-" + Long.toUnsignedString(seed));
    return ensure(dir, () -> new CorpusAndVocab(bytes, new CorpusGenerator(seed).vocabularyText()));
  }

  /**
   * Reads a user's corpus and rejects what the spec does not cover, with exit 2 and a message
   * naming the place: a missing or unreadable file, an empty file, and any byte outside ASCII
   * (the first one, by line and byte offset). Non-ASCII text is rejected rather than folded: the
   * workload's answer is defined, and checked against Hugging Face, on ASCII only.
   */
  public static byte[] checkCorpus(Path corpus) {
    byte[] bytes;
    try {
      if (Files.isDirectory(corpus)) {
        throw new UserError("--corpus " + corpus + " is a directory: give a text file (one document per line)");
      }
      bytes = Files.readAllBytes(corpus);
    } catch (NoSuchFileException e) {
      throw new UserError("--corpus " + corpus + ": no such file: give an existing text file (one document per line)");
    } catch (IOException e) {
      throw new UserError("--corpus " + corpus + ": cannot read it (" + e.getMessage() + ")");
    }
    if (bytes.length == 0) {
      throw new UserError("--corpus " + corpus + " is empty: give a text file with at least one line");
    }
    String bad = firstNonAscii(bytes);
    if (bad != null) {
      throw new UserError(
          "--corpus " + corpus + ": " + bad + "; the tokenize spec covers ASCII text only"
              + " (convert it first, e.g. iconv -f utf-8 -t ascii//TRANSLIT)");
    }
    return bytes;
  }

  /**
   * "line 3, byte 17 (offset 120 in the file) is 0xc3, not ASCII", or null when all are ASCII: the
   * Java runner's own check (input validation, not the tokenizer under test), so the harness and
   * that runner reject a corpus with the same words.
   */
  public static String firstNonAscii(byte[] bytes) {
    return org.polybench.workloads.tokenize.WordPiece.firstNonAscii(bytes);
  }

  private record CorpusAndVocab(byte[] corpus, String vocab) {}

  @FunctionalInterface
  private interface Maker {
    CorpusAndVocab make() throws IOException;
  }

  private static Path ensure(Path dir, Maker maker) throws IOException {
    Path corpus = dir.resolve(CORPUS);
    if (isComplete(dir)) return corpus;
    Files.createDirectories(dir.getParent());
    Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-");
    try {
      CorpusAndVocab f = maker.make();
      Files.write(tmp.resolve(CORPUS), f.corpus());
      Files.writeString(tmp.resolve(VOCAB), f.vocab(), StandardCharsets.US_ASCII);
      Files.writeString(tmp.resolve(STAMP), CorpusGenerator.VERSION + "\n", StandardCharsets.US_ASCII);
      if (Files.exists(dir)) deleteTree(dir); // stale: another generator version, or incomplete
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      } catch (IOException e) {
        // a concurrent run may have won the race with the same content
        if (!isComplete(dir)) throw e;
      }
    } finally {
      if (Files.exists(tmp)) deleteTree(tmp);
    }
    return corpus;
  }

  private static boolean isComplete(Path dir) {
    try {
      return Files.isRegularFile(dir.resolve(CORPUS)) && Files.isRegularFile(dir.resolve(VOCAB))
          && Files.readString(dir.resolve(STAMP)).strip().equals(CorpusGenerator.VERSION);
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For tests and the reference: the whole file as ASCII text. */
  static String read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
