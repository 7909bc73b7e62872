package org.polybench.workloads.tokenize;

/**
 * A tokenize variant that can also time each document on its own: one pass over the corpus with a
 * clock read per document boundary, outside the measured calls (which read no clock inside them).
 */
public interface PerDocument {

    /** One pass over every document of {@code input}: each document's time in ns, in order. */
    long[] documentLatencies(TokenizeInput input);
}
