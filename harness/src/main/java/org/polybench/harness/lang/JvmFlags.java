package org.polybench.harness.lang;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.store.Json;

/**
 * The JVM options a Java variant must start with (e.g. {@code java/objects-zgc}: {@code -XX:+UseZGC}),
 * as its own catalogue row says ({@code jvm_flags} in the runner's {@code --list}): the runner's table
 * stays the only place a variant is registered, and the runner refuses to measure (exit 2) when a JVM
 * lacks them, so a flag lost on the way is an error, never a silently wrong collector. Read from the
 * answer {@link Catalogue#load} keeps in {@code .bench/catalogue/RUNNER.json}.
 */
final class JvmFlags {
  private JvmFlags() {}

  /** The flags of {@code workload}/{@code variant} in {@code runner}'s cached catalogue; empty when it lists none. */
  static List<String> of(Project project, String runner, String workload, String variant) {
    Path cache = project.root().resolve(".bench/catalogue/" + runner + ".json");
    if (!Files.isRegularFile(cache)) return List.of();
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(cache));
    } catch (IOException e) {
      return List.of();
    }
    return of(root, workload, variant);
  }

  /** The flags of one row of a {@code --list} document. */
  static List<String> of(JsonNode catalogue, String workload, String variant) {
    for (JsonNode row : catalogue.path("implementations")) {
      if (workload.equals(row.path("workload").asText()) && variant.equals(row.path("variant").asText())) {
        List<String> flags = new ArrayList<>();
        row.path("jvm_flags").forEach(f -> flags.add(f.asText()));
        return List.copyOf(flags);
      }
    }
    return List.of();
  }
}
