package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tokenize} (docs/workloads.md): BERT WordPiece over {@code --input corpus.txt} with the
 * {@code vocab.txt} next to it, one document per line. The output of a call is every document's
 * ids; the checksum is {@code "<count>:<fnv>"}: the number of ids and FNV-1a 64 over each
 * document's id count and then its ids, each as 4 bytes little-endian ({@code checksum_kind}
 * "docs+tokens+fnv64"). {@code extra.doc_latency_ns}
 * holds nearest-rank percentiles of per-document latencies from passes after the measured calls
 * ({@link #latencyPasses}), which read no clock inside them.
 */
public final class TokenizeWorkload implements Workload<TokenizeInput, int[][]> {

    /** Long calls with per-call figures: one call per sample. */
    @Override
    public boolean batched() {
        return false;
    }


    public static final String CHECKSUM_KIND = "docs+tokens+fnv64";
    public static final String VOCAB_FILE = "vocab.txt";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public boolean readsInputFile() {
        return true;
    }

    @Override
    public void checkInput(Path input, int size) {
        byte[] bytes = read(input);
        String bad = WordPiece.firstNonAscii(bytes);
        if (bad != null) {
            throw new IllegalArgumentException("--input " + input + ": " + bad + "; the tokenize spec covers ASCII text only");
        }
        if (bytes.length != size) {
            throw new IllegalArgumentException("--size " + size + " but --input " + input + " has " + bytes.length
                    + " bytes; pass --size " + bytes.length);
        }
        Path vocab = input.resolveSibling(VOCAB_FILE);
        if (!Files.isReadable(vocab)) {
            throw new IllegalArgumentException("--input: cannot read the vocabulary " + vocab + " that must sit next to the corpus");
        }
        try {
            WordPiece.fromVocabText(Files.readString(vocab, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--input: vocabulary " + vocab + ": " + e.getMessage());
        }
    }

    @Override
    public TokenizeInput prepare(InputSpec spec) {
        Path input = spec.input().orElseThrow(() -> new IllegalArgumentException("tokenize needs --input"));
        try {
            return TokenizeInput.of(read(input), Files.readString(input.resolveSibling(VOCAB_FILE), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not the protocol's checksum (that is {@link #checksumText}): the number of ids. */
    @Override
    public double checksum(int[][] output) {
        long n = 0;
        for (int[] ids : output) {
            n += ids.length;
        }
        return n;
    }

    @Override
    public String checksumKind() {
        return CHECKSUM_KIND;
    }

    @Override
    public String checksumText(int[][] output) {
        return checksum(Arrays.asList(output));
    }

    /** {@code "<count>:<16 hex digits>"} of the ids of these documents, in order. */
    public static String checksum(List<int[]> docs) {
        long h = FNV_OFFSET;
        long count = 0;
        for (int[] ids : docs) {
            count += ids.length;
            // each document's id count first: its boundary is part of the checksum
            h = fnv(h, ids.length);
            for (int id : ids) {
                h = fnv(h, id);
            }
        }
        return count + ":" + String.format("%016x", h);
    }

    private static long fnv(long h, int u32) {
        for (int shift = 0; shift < 32; shift += 8) {
            h = (h ^ ((u32 >>> shift) & 0xFF)) * FNV_PRIME;
        }
        return h;
    }

    /** Document times wanted from the latency passes: p99.9 needs 1,000 (docs/runner-protocol.md). */
    public static final int LATENCY_DOCUMENTS = 1000;

    /** Whole passes over {@code docs} documents that give at least {@value #LATENCY_DOCUMENTS} document times; none for no documents. */
    public static int latencyPasses(int docs) {
        return docs == 0 ? 0 : (LATENCY_DOCUMENTS + docs - 1) / docs;
    }

    /** The latencies come from {@link #latencyPasses} passes of the kernel's own, after the measured calls. */
    @Override
    public Map<String, Object> extra(TokenizeInput input, Variant<TokenizeInput, int[][]> kernel, int warmup) {
        int docs = input.documents();
        int passes = kernel instanceof PerDocument ? latencyPasses(docs) : 0;
        long[] all = new long[passes * docs];
        for (int p = 0; p < passes; p++) {
            System.arraycopy(((PerDocument) kernel).documentLatencies(input), 0, all, p * docs, docs);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("documents", docs);
        if (kernel instanceof PerDocument) extra.put("doc_latency_ns", percentiles(all));
        return extra;
    }

    /** Nearest-rank percentiles: the smallest value with at least p% of the values at or below it. */
    public static Map<String, Object> percentiles(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p50", rank(s, 500));
        p.put("p90", rank(s, 900));
        p.put("p99", rank(s, 990));
        p.put("p99_9", rank(s, 999));
        p.put("max", n == 0 ? 0L : s[n - 1]);
        p.put("count", n);
        return p;
    }

    private static long rank(long[] sorted, int permille) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        long k = Math.max(1, ((long) permille * n + 999) / 1000);
        return sorted[(int) k - 1];
    }

    private static byte[] read(Path input) {
        try {
            return Files.readAllBytes(input);
        } catch (IOException e) {
            throw new IllegalArgumentException("--input " + input + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
