package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;

/**
 * {@code java/native} for {@code tokenize}: {@link WordPiece} on the corpus bytes, one call per
 * document (each document's ids in an {@code int[]} of its own, like the per-document APIs of the
 * other languages). A timed call reads no clock inside it; {@link #documentLatencies} is the same
 * pass with one {@code System.nanoTime} read per document boundary, run after the measured calls.
 */
public final class TokenizeNativeVariant implements Variant<TokenizeInput, int[][]>, PerDocument {

    private WordPiece tokenizer;

    @Override
    public void setUp(TokenizeInput input) {
        tokenizer = WordPiece.fromVocabText(input.vocabText());
    }

    private WordPiece tokenizer(TokenizeInput input) {
        return tokenizer != null ? tokenizer : (tokenizer = WordPiece.fromVocabText(input.vocabText()));
    }

    @Override
    public int[][] run(TokenizeInput input) {
        WordPiece tok = tokenizer(input);
        byte[] corpus = input.corpus();
        int[] starts = input.docStart();
        int[] ends = input.docEnd();
        int[][] out = new int[starts.length][];
        for (int d = 0; d < starts.length; d++) {
            out[d] = tok.encode(corpus, starts[d], ends[d]);
        }
        return out;
    }

    @Override
    public long[] documentLatencies(TokenizeInput input) {
        WordPiece tok = tokenizer(input);
        byte[] corpus = input.corpus();
        int[] starts = input.docStart();
        int[] ends = input.docEnd();
        int[][] out = new int[starts.length][];
        long[] latency = new long[starts.length];
        long t = System.nanoTime();
        for (int d = 0; d < starts.length; d++) {
            out[d] = tok.encode(corpus, starts[d], ends[d]);
            long now = System.nanoTime();
            latency[d] = now - t;
            t = now;
        }
        return latency;
    }
}
