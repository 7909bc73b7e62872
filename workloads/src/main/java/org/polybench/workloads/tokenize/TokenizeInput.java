package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The prepared input of {@code tokenize}: the corpus bytes, where each document (line) starts and
 * ends, and the vocabulary file's text.
 *
 * @param corpus    the whole --input file (ASCII)
 * @param docStart  offset of each document's first byte
 * @param docEnd    offset just past each document's last byte (its newline excluded)
 * @param vocabText vocab.txt, one token per line
 */
public record TokenizeInput(byte[] corpus, int[] docStart, int[] docEnd, String vocabText) {

    public int documents() {
        return docStart.length;
    }

    /** Documents are lines; a final newline ends the last line rather than starting an empty one. */
    public static TokenizeInput of(byte[] corpus, String vocabText) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int n = corpus.length;
        if (n > 0) {
            int bodyEnd = corpus[n - 1] == '\n' ? n - 1 : n;
            int start = 0;
            for (int i = 0; i <= bodyEnd; i++) {
                if (i == bodyEnd || corpus[i] == '\n') {
                    starts.add(start);
                    ends.add(i);
                    start = i + 1;
                }
            }
        }
        return new TokenizeInput(
                corpus,
                starts.stream().mapToInt(Integer::intValue).toArray(),
                ends.stream().mapToInt(Integer::intValue).toArray(),
                vocabText);
    }
}
