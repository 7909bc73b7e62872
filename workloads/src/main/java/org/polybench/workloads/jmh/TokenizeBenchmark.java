package org.polybench.workloads.jmh;

import java.nio.file.Path;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.polybench.workloads.InputSpec;
import org.polybench.workloads.tokenize.TokenizeInput;
import org.polybench.workloads.tokenize.TokenizeWorkload;
import org.polybench.workloads.tokenize.WordPiece;

/**
 * JMH view of {@code tokenize} (java/native), the referee of {@code ./bench crosscheck}: the corpus
 * is the harness's file ({@code -p input=corpus.txt}, vocab.txt beside it), read by the workload
 * itself as the runner reads it; one call tokenizes every document, one {@code encode} per
 * document, as the runner's timed calls do (its per-document latencies come from separate passes).
 */
public class TokenizeBenchmark extends JmhSettings {

    /** The corpus file; its byte count is the cell's size. */
    @Param("corpus.txt")
    public String input;

    private TokenizeInput corpus;
    private WordPiece tokenizer;

    @Setup(Level.Trial)
    public void prepare() throws java.io.IOException {
        Path path = Path.of(input);
        int size = Math.toIntExact(java.nio.file.Files.size(path));
        corpus = new TokenizeWorkload().prepare(new InputSpec(size, 0, Optional.of(path)));
        tokenizer = WordPiece.fromVocabText(corpus.vocabText());
    }

    @Benchmark
    public int[][] nativeTokenizer() {
        byte[] text = corpus.corpus();
        int[] starts = corpus.docStart();
        int[] ends = corpus.docEnd();
        int[][] out = new int[starts.length][];
        for (int d = 0; d < starts.length; d++) {
            out[d] = tokenizer.encode(text, starts[d], ends[d]);
        }
        return out;
    }
}
