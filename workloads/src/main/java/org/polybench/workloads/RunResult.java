package org.polybench.workloads;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;

/**
 * The one JSON object the runner prints (docs/runner-protocol.md), fields in the protocol's order.
 *
 * @param seed         unsigned 64-bit, hence {@code BigInteger}: a {@code long} would print seeds
 *                     above 2^63 - 1 as negative numbers
 * @param checksum     a string so the shortest round-trip form of the double survives any JSON parser
 * @param peakRssBytes null where the OS does not report it
 * @param extra        the protocol's optional {@code extra} object ({@code cpu_affinity}, ...)
 */
@JsonPropertyOrder({
    "protocol", "workload", "language", "variant", "size", "threads", "seed",
    "warmup_ns", "samples_ns", "checksum", "checksum_kind", "peak_rss_bytes", "runtime", "extra"
})
public record RunResult(
        @JsonProperty("protocol") int protocol,
        @JsonProperty("workload") String workload,
        @JsonProperty("language") String language,
        @JsonProperty("variant") String variant,
        @JsonProperty("size") int size,
        @JsonProperty("threads") int threads,
        @JsonProperty("seed") BigInteger seed,
        @JsonProperty("warmup_ns") long[] warmupNs,
        @JsonProperty("samples_ns") long[] samplesNs,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("checksum_kind") String checksumKind,
        @JsonProperty("peak_rss_bytes") Long peakRssBytes,
        @JsonProperty("runtime") Map<String, Object> runtime,
        @JsonProperty("extra") Map<String, Object> extra) {

    public static final int PROTOCOL_VERSION = 2;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The protocol's one line, written with Jackson's streaming generator (jackson-core) rather
     * than its ObjectMapper: databind's introspection of this record and the {@code extra} maps cost
     * 0.12-0.3 s of every runner JVM here (a quick run starts about seventy), the generator about
     * 10 ms. Same fields, same order, same JSON (RunResultTest compares it with ObjectMapper's).
     */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("protocol", protocol);
            g.writeStringField("workload", workload);
            g.writeStringField("language", language);
            g.writeStringField("variant", variant);
            g.writeNumberField("size", size);
            g.writeNumberField("threads", threads);
            g.writeFieldName("seed");
            g.writeNumber(seed);
            g.writeFieldName("warmup_ns");
            write(g, warmupNs);
            g.writeFieldName("samples_ns");
            write(g, samplesNs);
            g.writeStringField("checksum", checksum);
            g.writeStringField("checksum_kind", checksumKind);
            g.writeFieldName("peak_rss_bytes");
            write(g, peakRssBytes);
            g.writeFieldName("runtime");
            write(g, runtime);
            g.writeFieldName("extra");
            write(g, extra);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** One JSON value of what the runners put in {@code runtime} and {@code extra}. */
    private static void write(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case BigInteger b -> g.writeNumber(b);
            case long[] a -> g.writeArray(a, 0, a.length);
            case int[] a -> g.writeArray(a, 0, a.length);
            case double[] a -> g.writeArray(a, 0, a.length);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Iterable<?> items -> {
                g.writeStartArray();
                for (Object item : items) write(g, item);
                g.writeEndArray();
            }
            default -> throw new IllegalArgumentException(
                    "no JSON form for a " + value.getClass().getName() + " in a runner's result: put a map, list, string, number or boolean there");
        }
    }
    public static final String LANGUAGE = "java";
    public static final String CHECKSUM_KIND_FLOAT = "float";
}
