package org.polybench.harness.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.tokenize.Oracle;
import org.polybench.harness.tokenize.TokenizeData;
import org.polybench.harness.verify.ChecksumKind;
import org.polybench.harness.verify.Reference;

/**
 * {@code tokenize}: BERT WordPiece (lowercase, whitespace + punctuation split, greedy
 * longest-match-first) over a corpus of {@code size} bytes, one document per line
 * (docs/workloads.md). The corpus and vocabulary are generated here once per seed and size
 * ({@link TokenizeData}); the reference is Hugging Face tokenizers on the same files
 * ({@link Oracle}). With {@code --corpus FILE} ({@link #withCorpus}) the user's text replaces the
 * generated corpus and its byte count is the only size.
 */
public final class Tokenize implements Workload {
  private final Path userCorpus;

  public Tokenize() {
    this(null);
  }

  private Tokenize(Path userCorpus) {
    this.userCorpus = userCorpus;
  }

  /** This workload on a user's corpus instead of the generated one ({@code ./bench run --corpus}). */
  public static Tokenize withCorpus(Path corpus) {
    TokenizeData.checkCorpus(corpus);
    return new Tokenize(corpus.toAbsolutePath().normalize());
  }

  /** The user's corpus, or null for the generated one. */
  public Path userCorpus() {
    return userCorpus;
  }

  @Override
  public String name() {
    return "tokenize";
  }

  @Override
  public String description() {
    return "BERT WordPiece tokenization (lowercase, Hugging Face tokenizers as the oracle) of a text corpus";
  }

  /** Times, then throughput and latency per document (its runners time each document). */
  @Override
  public java.util.List<Section> sections() {
    return java.util.List.of(Section.TIMES, Section.THROUGHPUT, Section.LATENCY, Section.MEMORY);
  }

  @Override
  public String sizeUnit() {
    return "bytes";
  }

  @Override
  public List<Long> defaultSizes() {
    return List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);
  }

  @Override
  public List<Long> quickSizes() {
    return List.of(100_000L);
  }

  /**
   * Warm-up of 2 MB of text per cell for the JIT runners: hundreds of thousands of words, far past
   * HotSpot's C2 thresholds; the run's 1e8 would cost seconds per cell for nothing.
   */
  @Override
  public long warmupWork() {
    return 2_000_000L;
  }

  @Override
  public Path input(long size, long seed, Path dataDir) throws IOException {
    if (userCorpus != null) {
      Path copy = TokenizeData.userCorpus(userCorpus, seed, dataDir);
      long bytes = Files.size(copy);
      if (bytes != size) {
        throw new IllegalArgumentException("--corpus " + userCorpus + " has " + bytes + " bytes, but the cell's size is " + size);
      }
      return copy;
    }
    return TokenizeData.generated(size, seed, dataDir);
  }

  @Override
  public Reference reference(long size, long seed, Path input) {
    if (input == null) {
      throw new IllegalStateException("tokenize needs its corpus file (Workload.input) to compute the reference");
    }
    Oracle.Answer a = Oracle.run(Project.locate(), input);
    return new Reference(a.checksum(), ChecksumKind.DOCS_TOKENS_FNV64);
  }
}
