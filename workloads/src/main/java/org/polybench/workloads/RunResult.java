package org.polybench.workloads;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
    public static final String LANGUAGE = "java";
    public static final String CHECKSUM_KIND_FLOAT = "float";
}
