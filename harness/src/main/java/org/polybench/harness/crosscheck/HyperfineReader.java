package org.polybench.harness.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.Json;

/**
 * Reads hyperfine's {@code --export-json FILE}: {@code results[0]}, one benchmarked command, with
 * {@code times} (seconds, one per timed run; warm-up runs are not in it) and {@code mean}, the
 * headline hyperfine prints first. Every run must have exited 0 ({@code exit_codes}): hyperfine
 * stops on a failing command unless told to ignore it, and a file that says otherwise is refused.
 */
public final class HyperfineReader {
  private HyperfineReader() {}

  public static RefereeResult read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("hyperfine wrote no " + file);
    JsonNode results = Json.mapper().readTree(Files.readString(file)).path("results");
    if (results.size() != 1) throw new IOException(file + ": expected hyperfine's JSON with one command, found " + results.size());
    JsonNode r = results.get(0);
    List<Double> times = new ArrayList<>();
    for (JsonNode t : r.path("times")) times.add(t.asDouble() * 1e9);
    if (times.isEmpty()) throw new IOException(file + ": hyperfine recorded no times");
    for (JsonNode code : r.path("exit_codes")) {
      if (code.isNull() || code.asInt() != 0) {
        throw new IOException(file + ": a run of " + r.path("command").asText() + " exited " + code + ", not 0");
      }
    }
    double mean = r.path("mean").asDouble(Double.NaN);
    if (Double.isNaN(mean)) throw new IOException(file + ": no mean");
    return new RefereeResult("hyperfine", mean * 1e9, "mean", List.of(times));
  }
}
