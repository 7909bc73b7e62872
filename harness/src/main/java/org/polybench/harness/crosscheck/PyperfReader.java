package org.polybench.harness.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.Json;

/**
 * Reads pyperf's JSON ({@code -o FILE}): {@code benchmarks[0].runs}, one run per worker process,
 * each with its {@code values} in seconds per loop iteration (pyperf divides by its calibrated
 * loop count). The calibration run has warm-ups only and no values; it is left out, as pyperf
 * leaves it out of its own mean.
 */
public final class PyperfReader {
  private PyperfReader() {}

  public static RefereeResult read(Path file) throws IOException {
    JsonNode root = Json.mapper().readTree(Files.readString(file));
    JsonNode benchmarks = root.path("benchmarks");
    if (benchmarks.size() != 1) throw new IOException(file + ": expected pyperf's JSON with one benchmark, found " + benchmarks.size());
    JsonNode b = benchmarks.get(0);
    String unit = b.path("metadata").path("unit").asText(root.path("metadata").path("unit").asText("second"));
    if (!unit.equals("second")) throw new IOException(file + ": pyperf unit " + unit + ", expected second");
    List<List<Double>> runs = new ArrayList<>();
    double sum = 0;
    int n = 0;
    for (JsonNode run : b.path("runs")) {
      List<Double> values = new ArrayList<>();
      for (JsonNode v : run.path("values")) {
        values.add(v.asDouble() * 1e9);
        sum += v.asDouble() * 1e9;
        n++;
      }
      if (!values.isEmpty()) runs.add(values);
    }
    if (n == 0) throw new IOException(file + ": pyperf recorded no values");
    return new RefereeResult("pyperf", sum / n, "mean", runs);
  }
}
