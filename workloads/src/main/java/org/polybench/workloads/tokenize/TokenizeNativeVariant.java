package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;

/**
 * {@code java/native} for {@code tokenize}: {@link WordPiece} on the corpus bytes, one call per
 * document (each document's ids in an {@code int[]} of its own, like the per-document APIs of the
 * other languages), with one {@code System.nanoTime} read per document boundary for the
 * per-document latencies.
 */
public final class TokenizeNativeVariant implements Variant<TokenizeInput, int[][]> {

    private WordPiece tokenizer;

    @Override
    public void setUp(TokenizeInput input) {
        tokenizer = WordPiece.fromVocabText(input.vocabText());
    }

    @Override
    public int[][] run(TokenizeInput input) {
        WordPiece tok = tokenizer != null ? tokenizer : (tokenizer = WordPiece.fromVocabText(input.vocabText()));
        byte[] corpus = input.corpus();
        int[] starts = input.docStart();
        int[] ends = input.docEnd();
        int docs = starts.length;
        int[][] out = new int[docs][];
        long[] latency = new long[docs];
        long t = System.nanoTime();
        for (int d = 0; d < docs; d++) {
            out[d] = tok.encode(corpus, starts[d], ends[d]);
            long now = System.nanoTime();
            latency[d] = now - t;
            t = now;
        }
        input.latencies().add(latency);
        return out;
    }
}
