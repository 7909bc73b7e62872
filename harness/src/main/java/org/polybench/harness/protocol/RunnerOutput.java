package org.polybench.harness.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.store.Json;

/** A runner's one JSON object, parsed and checked against the protocol and the request. */
public record RunnerOutput(
    List<Long> warmupNs,
    List<Long> samplesNs,
    String checksum,
    String checksumKind,
    long peakRssBytes,
    Map<String, Object> runtime,
    Map<String, Object> extra) {
  /** The runner protocol version this harness speaks (docs/runner-protocol.md). */
  public static final int PROTOCOL = 2;


  /** The runner broke the protocol; the message says how. */
  public static final class ProtocolError extends Exception {
    public ProtocolError(String message) {
      super(message);
    }
  }

  public static RunnerOutput parse(String stdout, String language, RunnerArgs args) throws ProtocolError {
    String text = stdout.strip();
    if (text.isEmpty()) throw new ProtocolError("runner printed nothing on stdout");
    JsonNode root;
    try {
      root = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProtocolError("runner did not print exactly one JSON object on stdout; it began: " + abbreviate(text));
    }
    if (root == null || !root.isObject()) throw new ProtocolError("runner output is not a JSON object: " + abbreviate(text));
    expect(root, "protocol", String.valueOf(PROTOCOL));
    expect(root, "workload", args.workload());
    expect(root, "language", language);
    expect(root, "variant", args.variant());
    expect(root, "size", Long.toString(args.size()));
    expect(root, "threads", Integer.toString(args.threads()));
    expect(root, "seed", Long.toUnsignedString(args.seed()));
    List<Long> warmup = longs(root, "warmup_ns");
    List<Long> samples = longs(root, "samples_ns");
    // at least --warmup: a runner warms up for --warmup-time-ms too and calibrates its calls per sample
    if (warmup.size() < args.warmup()) {
      throw new ProtocolError("warmup_ns has " + warmup.size() + " entries, expected at least --warmup " + args.warmup());
    }
    if (samples.size() != args.iterations()) {
      throw new ProtocolError("samples_ns has " + samples.size() + " entries, expected --iterations " + args.iterations());
    }
    JsonNode checksum = root.get("checksum");
    if (checksum == null || !checksum.isTextual()) throw new ProtocolError("checksum missing or not a string");
    JsonNode kind = root.get("checksum_kind");
    if (kind == null || !kind.isTextual()) throw new ProtocolError("checksum_kind missing or not a string");
    JsonNode rss = root.get("peak_rss_bytes");
    if (rss == null || !rss.canConvertToLong() || rss.asLong() <= 0) {
      // a runner that cannot read VmHWM says why in extra.peak_rss_unavailable instead of guessing
      JsonNode why = root.path("extra").path("peak_rss_unavailable");
      throw new ProtocolError("peak_rss_bytes missing or not positive"
          + (why.isTextual() ? ": " + why.asText() + " (peak RSS is read from VmHWM in /proc/self/status, Linux only)" : ""));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> runtime =
        root.has("runtime") && root.get("runtime").isObject() ? Json.mapper().convertValue(root.get("runtime"), Map.class) : Map.of();
    @SuppressWarnings("unchecked")
    Map<String, Object> extra =
        root.has("extra") && root.get("extra").isObject() ? Json.mapper().convertValue(root.get("extra"), Map.class) : null;
    checkCalibration(root.path("extra"));
    return new RunnerOutput(warmup, samples, checksum.asText(), kind.asText(), rss.asLong(), runtime, extra);
  }

  /**
   * The calibration fields of {@code extra} (docs/runner-protocol.md): {@code calls_per_sample} an
   * integer >= 1 (samples are then per-call times: a sample's time over its calls), the clock's
   * {@code clock_overhead_ns} >= 0 and {@code clock_resolution_ns} >= 1; each optional (a runner
   * that does not batch may leave them out: one call per sample).
   */
  static void checkCalibration(JsonNode extra) throws ProtocolError {
    integer(extra, "calls_per_sample", 1);
    integer(extra, "clock_overhead_ns", 0);
    integer(extra, "clock_resolution_ns", 1);
  }

  private static void integer(JsonNode extra, String field, long min) throws ProtocolError {
    JsonNode v = extra.get(field);
    if (v == null || v.isNull()) return;
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
      throw new ProtocolError("extra." + field + " is " + v + ", not an integer >= " + min);
    }
  }

  /** Kernel calls in each sample: {@code extra.calls_per_sample}, 1 where the runner did not say. */
  public long callsPerSample() {
    return extra != null && extra.get("calls_per_sample") instanceof Number n ? n.longValue() : 1;
  }

  private static void expect(JsonNode root, String field, String want) throws ProtocolError {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) throw new ProtocolError("field '" + field + "' missing");
    if (!v.asText().equals(want)) throw new ProtocolError("field '" + field + "' is " + v.asText() + ", expected " + want);
  }

  private static List<Long> longs(JsonNode root, String field) throws ProtocolError {
    JsonNode arr = root.get(field);
    if (arr == null || !arr.isArray()) throw new ProtocolError("'" + field + "' missing or not an array");
    List<Long> out = new ArrayList<>();
    for (JsonNode n : arr) {
      if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
        throw new ProtocolError("'" + field + "' holds " + n + ", not a non-negative integer of nanoseconds");
      }
      out.add(n.asLong());
    }
    return out;
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 160 ? one.substring(0, 160) + "..." : one;
  }
}
