package org.polybench.harness.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.Json;

/**
 * Reads the file JMH writes with {@code -rf json -rff FILE}: an array of benchmarks, each with a
 * {@code primaryMetric} ({@code score}, {@code scoreUnit} such as {@code us/op}, and
 * {@code rawData}: per fork, the score of each measurement iteration).
 */
public final class JmhReader {
  private JmhReader() {}

  /** The one benchmark in {@code file}, per call in ns. */
  public static RefereeResult read(Path file) throws IOException {
    JsonNode root = Json.mapper().readTree(Files.readString(file));
    if (!root.isArray() || root.size() != 1) {
      throw new IOException(file + ": expected JMH's JSON array with one benchmark, found " + (root.isArray() ? root.size() + " entries" : "no array"));
    }
    JsonNode b = root.get(0);
    String mode = b.path("mode").asText();
    if (!mode.equals("avgt")) throw new IOException(file + ": JMH mode " + mode + ", expected avgt (time per call)");
    JsonNode metric = b.path("primaryMetric");
    double scale = nsPer(metric.path("scoreUnit").asText(), file);
    List<List<Double>> forks = new ArrayList<>();
    for (JsonNode fork : metric.path("rawData")) {
      List<Double> it = new ArrayList<>();
      fork.forEach(v -> it.add(v.asDouble() * scale));
      forks.add(it);
    }
    return new RefereeResult("jmh", metric.path("score").asDouble() * scale, "score (avgt)", forks);
  }

  /** Nanoseconds in JMH's time unit of a per-operation score. */
  static double nsPer(String unit, Path file) throws IOException {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> throw new IOException(file + ": JMH score unit " + unit + " is not a time per operation");
    };
  }
}
