package org.polybench.workloads.tokenize;

import org.polybench.workloads.*;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tokenize}: java/native equals Hugging Face tokenizers on the shared test vectors
 * (tests/fixtures/tokenize-vectors.json, ids produced by HF), and the runner reads --input.
 */
public class TokenizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode vectors() throws IOException {
        Path p = Path.of("").toAbsolutePath().getParent().resolve("tests/fixtures/tokenize-vectors.json");
        return JSON.readTree(Files.readString(p));
    }

    static List<String> vocab(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.get("vocab").forEach(t -> out.add(t.asText()));
        return out;
    }

    static int[] ids(JsonNode c) {
        int[] ids = new int[c.get("ids").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = c.get("ids").get(i).asInt();
        }
        return ids;
    }

    @Test
    void everyVectorEqualsHuggingFace() throws IOException {
        JsonNode v = vectors();
        WordPiece tok = new WordPiece(vocab(v));
        assertTrue(v.get("cases").size() >= 10);
        for (JsonNode c : v.get("cases")) {
            byte[] text = c.get("text").asText().getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(ids(c), tok.encode(text), c.get("name").asText());
        }
    }

    @Test
    void aVocabularyNeedsUnk() {
        assertThrows(IllegalArgumentException.class, () -> new WordPiece(List.of("a", "b")));
    }

    @Test
    void checksumIsCountAndFnv1aOverEachDocumentsCountThenIdsU32LittleEndian() {
        assertEquals("0:cbf29ce484222325", TokenizeWorkload.checksum(List.of()));
        // docs/workloads.md: per document its id count, then its ids, each u32 LE
        long h = 0xcbf29ce484222325L;
        for (int b : new int[] {1, 0, 0, 0, 0x01, 0x02, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF}) {
            h = (h ^ b) * 0x100000001b3L;
        }
        assertEquals("2:" + String.format("%016x", h), TokenizeWorkload.checksum(List.of(new int[] {0x0201}, new int[] {-1})));
    }

    @Test
    void corpusTokenizedAsOneDocumentGivesAnotherChecksum() {
        String perDocument = TokenizeWorkload.checksum(List.of(new int[] {7, 8}, new int[] {9}));
        String oneDocument = TokenizeWorkload.checksum(List.<int[]>of(new int[] {7, 8, 9}));
        assertNotEquals(perDocument, oneDocument);
    }

    @Test
    void documentsAreLines() {
        assertEquals(0, TokenizeInput.of(new byte[0], "").documents());
        assertEquals(1, TokenizeInput.of("\n".getBytes(), "").documents());
        TokenizeInput in = TokenizeInput.of("a\n\nbc\n".getBytes(), "");
        assertArrayEquals(new int[] {0, 2, 3}, in.docStart());
        assertArrayEquals(new int[] {1, 2, 5}, in.docEnd());
        assertEquals(2, TokenizeInput.of("a\nb".getBytes(), "").documents());
    }

    @Test
    void firstNonAsciiNamesLineAndByte() {
        assertNull(WordPiece.firstNonAscii("abc\n".getBytes()));
        assertEquals("line 2, byte 3 (offset 5 in the file) is 0xc3, not ASCII",
                WordPiece.firstNonAscii("ab\ncd\u00e9".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nearestRankPercentiles() {
        long[] xs = new long[1000];
        for (int i = 0; i < 1000; i++) {
            xs[i] = 1000 - i;
        }
        Map<String, Object> p = TokenizeWorkload.percentiles(xs);
        assertEquals(500L, p.get("p50"));
        assertEquals(990L, p.get("p99"));
        assertEquals(999L, p.get("p99_9"));
        assertEquals(1000L, p.get("max"));
        assertEquals(1000, p.get("count"));
    }

    /** corpus.txt (one document per case) and vocab.txt in dir; returns the expected checksum. */
    public static String writeCorpus(Path dir) throws IOException {
        JsonNode v = vectors();
        Files.writeString(dir.resolve("vocab.txt"), String.join("\n", vocab(v)) + "\n");
        StringBuilder text = new StringBuilder();
        List<int[]> all = new ArrayList<>();
        for (JsonNode c : v.get("cases")) {
            text.append(c.get("text").asText().replace('\n', ' ')).append('\n');
            all.add(ids(c));
        }
        Files.writeString(dir.resolve("corpus.txt"), text, StandardCharsets.US_ASCII);
        return TokenizeWorkload.checksum(all);
    }

    @Test
    void runnerGivesHuggingFacesChecksumAndLatencies(@TempDir Path dir) throws Exception {
        String want = writeCorpus(dir);
        Path corpus = dir.resolve("corpus.txt");
        RunnerTest.Run r = RunnerTest.run("--workload", "tokenize", "--variant", "native",
                "--size", Long.toString(Files.size(corpus)), "--input", corpus.toString(),
                "--warmup", "3", "--iterations", "4");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = r.json();
        assertEquals(want, json.get("checksum").textValue());
        assertEquals("docs+tokens+fnv64", json.get("checksum_kind").textValue());
        JsonNode lat = json.get("extra").get("doc_latency_ns");
        int docs = json.get("extra").get("documents").intValue();
        // latencies from whole passes after the measured calls, enough for 1,000 document times
        assertEquals((1000 + docs - 1) / docs * docs, lat.get("count").intValue());
        assertTrue(lat.get("p50").longValue() <= lat.get("p99").longValue());
        assertTrue(lat.get("p99").longValue() <= lat.get("max").longValue());
    }

    @Test
    void badInputIsExit2(@TempDir Path dir) throws Exception {
        writeCorpus(dir);
        Path corpus = dir.resolve("corpus.txt");
        long size = Files.size(corpus);
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', 'n', 'a', (byte) 0xc3, (byte) 0xaf, 'v', 'e', '\n'});
        Path lonelyDir = Files.createDirectory(dir.resolve("lonely"));
        Path lonely = Files.writeString(lonelyDir.resolve("c.txt"), "hello\n");
        Object[][] cases = {
            {new String[] {"--size", Long.toString(size)}, "--input is required"},
            {new String[] {"--size", Long.toString(size + 1), "--input", corpus.toString()}, "bytes; pass --size"},
            {new String[] {"--size", "10", "--input", bad.toString()}, "line 2, byte 3"},
            {new String[] {"--size", "6", "--input", lonely.toString()}, "vocab.txt"},
        };
        for (Object[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--workload", "tokenize", "--variant", "native"));
            args.addAll(List.of((String[]) c[0]));
            RunnerTest.Run r = RunnerTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args + ": " + r.stderr());
            assertEquals("", r.stdout());
            assertTrue(r.stderr().contains((String) c[1]), args + ": " + r.stderr());
        }
    }
}
