package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;

import java.util.Arrays;
import java.util.List;

/**
 * BERT WordPiece over ASCII bytes, token for token what Hugging Face {@code tokenizers} gives with
 * {@code BertNormalizer(lowercase, clean_text=False)}, {@code BertPreTokenizer} and
 * {@code WordPiece(max_input_chars_per_word=100)} (docs/workloads.md): ASCII lowercase; split on
 * the six whitespace characters (space, \t, \n, \v, \f, \r); every ASCII punctuation character
 * is a token; greedy longest-match-first with {@code ##} continuation pieces; a word longer than
 * 100 characters or one that cannot be matched completely is {@code [UNK]}.
 *
 * <p>Optimised the way a Java performance engineer would: no {@code String} per word. Each word is
 * lowercased into a reused byte buffer and looked up in open-addressing tables keyed by bytes
 * (word-start tokens, and {@code ##} tokens without their prefix); a document's ids collect in a
 * reused int buffer and leave as one {@code int[]}. Thread-confined: one instance per thread.
 *
 * <p>Input must be ASCII ({@link #firstNonAscii} finds what is not).
 */
public final class WordPiece {

    public static final String UNK = "[UNK]";
    public static final String CONTINUATION = "##";
    public static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private static final byte WORD = 0;
    private static final byte SPACE = 1;
    private static final byte PUNCT = 2;
    private static final byte[] CLASS = new byte[256];

    static {
        for (char c : " \t\n\u000b\f\r".toCharArray()) {
            CLASS[c] = SPACE;
        }
        for (char c : "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".toCharArray()) {
            CLASS[c] = PUNCT;
        }
    }

    private final ByteTable starts;
    private final ByteTable continuations;
    private final int[] single = new int[128];
    private final int unk;
    private final int maxStart;
    private final int maxContinuation;
    private final int size;

    private final byte[] word = new byte[MAX_INPUT_CHARS_PER_WORD];
    private int[] ids = new int[256];
    private int count;

    /** Token {@code i} of {@code vocab} gets id {@code i}; a repeated token keeps its last id. */
    public WordPiece(List<String> vocab) {
        starts = new ByteTable(vocab.size());
        continuations = new ByteTable(vocab.size());
        int unkId = -1;
        int longestStart = 0;
        int longestContinuation = 0;
        for (int id = 0; id < vocab.size(); id++) {
            String t = vocab.get(id);
            byte[] bytes = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (t.equals(UNK)) {
                unkId = id;
            }
            if (t.startsWith(CONTINUATION)) {
                byte[] rest = Arrays.copyOfRange(bytes, CONTINUATION.length(), bytes.length);
                continuations.put(rest, id);
                longestContinuation = Math.max(longestContinuation, rest.length);
            } else {
                longestStart = Math.max(longestStart, bytes.length);
            }
            starts.put(bytes, id);
        }
        if (unkId < 0) {
            throw new IllegalArgumentException("the vocabulary has no " + UNK + " token");
        }
        unk = unkId;
        maxStart = longestStart;
        maxContinuation = longestContinuation;
        size = vocab.size();
        byte[] one = new byte[1];
        for (int b = 0; b < 128; b++) {
            one[0] = (byte) b;
            int id = starts.get(one, 0, 1);
            single[b] = id >= 0 ? id : unk;
        }
    }

    /** From vocab.txt: one token per line, the line number (from 0) is the id. */
    public static WordPiece fromVocabText(String text) {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new WordPiece(lines);
    }

    public int vocabSize() {
        return size;
    }

    public int unkId() {
        return unk;
    }

    /** The ids of {@code text[from, to)}. */
    public int[] encode(byte[] text, int from, int to) {
        count = 0;
        int i = from;
        while (i < to) {
            int b = text[i] & 0xFF;
            byte cls = CLASS[b];
            if (cls == SPACE) {
                i++;
            } else if (cls == PUNCT) {
                push(single[b]);
                i++;
            } else {
                int start = i;
                while (i < to && CLASS[text[i] & 0xFF] == WORD) {
                    i++;
                }
                int len = i - start;
                if (len > MAX_INPUT_CHARS_PER_WORD) {
                    push(unk);
                    continue;
                }
                for (int k = 0; k < len; k++) {
                    byte c = text[start + k];
                    word[k] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
                }
                word(len);
            }
        }
        return Arrays.copyOf(ids, count);
    }

    public int[] encode(byte[] text) {
        return encode(text, 0, text.length);
    }

    private void word(int len) {
        int whole = starts.get(word, 0, len);
        if (whole >= 0) {
            push(whole);
            return;
        }
        int mark = count;
        int start = 0;
        while (start < len) {
            ByteTable table = start == 0 ? starts : continuations;
            int end = Math.min(len, start + (start == 0 ? maxStart : maxContinuation));
            int id = -1;
            while (end > start) {
                id = table.get(word, start, end - start);
                if (id >= 0) {
                    break;
                }
                end--;
            }
            if (id < 0) {
                count = mark;
                push(unk);
                return;
            }
            push(id);
            start = end;
        }
    }

    private void push(int id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = id;
    }

    /** "line 3, byte 17 (offset 120 in the file) is 0xc3, not ASCII", or null. */
    public static String firstNonAscii(byte[] bytes) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                return "line " + line + ", byte " + (i - lineStart + 1) + " (offset " + i
                        + " in the file) is 0x" + String.format("%02x", b) + ", not ASCII";
            }
            if (b == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return null;
    }

    /** Open addressing (linear probing) from byte strings to ids; keys live in one byte pool. */
    static final class ByteTable {
        private final int[] slots; // entry index + 1, 0 = empty
        private final int mask;
        private int[] keyStart;
        private int[] keyLength;
        private int[] values;
        private byte[] pool = new byte[1024];
        private int poolSize;
        private int entries;

        ByteTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            slots = new int[capacity];
            mask = capacity - 1;
            keyStart = new int[Math.max(4, expected)];
            keyLength = new int[keyStart.length];
            values = new int[keyStart.length];
        }

        static int hash(byte[] b, int off, int len) {
            int h = 0x811C9DC5;
            for (int i = off; i < off + len; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            return h ^ (h >>> 15);
        }

        void put(byte[] key, int value) {
            int slot = hash(key, 0, key.length) & mask;
            while (slots[slot] != 0) {
                int e = slots[slot] - 1;
                if (Arrays.equals(pool, keyStart[e], keyStart[e] + keyLength[e], key, 0, key.length)) {
                    values[e] = value;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (poolSize + key.length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + key.length));
            }
            System.arraycopy(key, 0, pool, poolSize, key.length);
            keyStart[entries] = poolSize;
            keyLength[entries] = key.length;
            values[entries] = value;
            poolSize += key.length;
            slots[slot] = ++entries;
        }

        /** The id of {@code b[off, off+len)}, or -1. */
        int get(byte[] b, int off, int len) {
            int slot = hash(b, off, len) & mask;
            while (true) {
                int s = slots[slot];
                if (s == 0) {
                    return -1;
                }
                int e = s - 1;
                if (keyLength[e] == len && Arrays.equals(pool, keyStart[e], keyStart[e] + len, b, off, off + len)) {
                    return values[e];
                }
                slot = (slot + 1) & mask;
            }
        }
    }
}
