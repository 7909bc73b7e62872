package org.polybench.harness.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.polybench.harness.Project;
import org.polybench.harness.cli.Main;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.store.Json;

/**
 * The runners own the catalogue: what each built runner answers to --list is exactly what
 * ./bench list --json shows, and every listed workload is one the harness can verify. A variant
 * added to a runner's table appears here with no harness edit; one the harness invents or drops
 * fails this test.
 */
class CatalogueTest {
  private static final Set<String> KINDS = Set.of("naive", "idiomatic", "optimized");

  @Test
  void benchListShowsExactlyWhatTheRunnersList() throws Exception {
    Project project = Project.locate();
    Set<String> fromRunners = new TreeSet<>();
    for (Language lang : Languages.all()) {
      ProcessOutcome o = ProcessExecutor.execute(lang.listCommand(project), lang.workingDir(project), Duration.ofSeconds(120));
      assertEquals(0, o.exitCode(), lang.name() + " --list (build with ./bench build first): " + o.stderrTail());
      JsonNode doc = Json.mapper().readTree(o.stdout());
      assertEquals(2, doc.path("protocol").asInt(), lang.name() + " --list protocol");
      assertEquals(lang.name(), doc.path("runner").asText(), "runner name in " + lang.name() + " --list");
      String language = doc.path("language").asText();
      assertFalse(doc.path("implementations").isEmpty(), lang.name() + " lists nothing");
      for (JsonNode row : doc.path("implementations")) {
        assertTrue(KINDS.contains(row.path("kind").asText()), row.toString());
        assertTrue(Workloads.find(row.path("workload").asText()).isPresent(), "harness has no spec for " + row);
        assertFalse(row.path("description").asText().isBlank(), row.toString());
        assertTrue(row.path("available").isBoolean(), row.toString());
        // a row may name its own language (the startup prober lists programs of every language)
        String rowLanguage = row.has("language") ? row.path("language").asText() : language;
        fromRunners.add(key(row.path("workload").asText(), rowLanguage + "/" + row.path("variant").asText(), lang.name(),
            row.path("kind").asText(), row.path("description").asText()));
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "list", "--json", "--no-build"), err.toString());
    JsonNode merged = Json.mapper().readTree(out.toString());
    Set<String> shown = new TreeSet<>();
    for (JsonNode row : merged.path("implementations")) {
      shown.add(key(row.path("workload").asText(), row.path("implementation").asText(), row.path("runner").asText(),
          row.path("kind").asText(), row.path("description").asText()));
    }
    assertEquals(fromRunners, shown);

    // python/graalpy and python/graalpy-loop are Python (the caller's language) run by the JVM runner "graalpy", opt-in
    // and GraalPy's startup program python/graalpy-context, run by the startup prober: opt-in too
    List<String> graalpy = new ArrayList<>();
    for (JsonNode row : merged.path("implementations")) {
      if (List.of("python/graalpy", "python/graalpy-loop").contains(row.path("implementation").asText())) {
        assertEquals("graalpy", row.path("runner").asText());
        assertTrue(row.path("opt_in").asBoolean(), row.toString());
        graalpy.add(row.path("workload").asText() + " " + row.path("implementation").asText());
      } else if (row.path("implementation").asText().equals("python/graalpy-context")) {
        assertEquals("startup", row.path("runner").asText());
        assertTrue(row.path("opt_in").asBoolean(), row.toString());
        graalpy.add(row.path("workload").asText() + " " + row.path("implementation").asText());
      } else {
        assertFalse(row.path("opt_in").asBoolean(), row.toString());
      }
    }
    assertTrue(graalpy.containsAll(List.of("dot python/graalpy", "binary-trees python/graalpy", "startup python/graalpy-context")), graalpy.toString());
    // every workload the harness specifies has an implementation in every language
    for (var w : Workloads.all()) {
      for (String language : List.of("python", "rust", "java")) {
        assertTrue(shown.stream().anyMatch(k -> k.startsWith(w.name() + " " + language + "/")), w.name() + " in " + language);
      }
    }
  }

  private static String key(String workload, String id, String runner, String kind, String description) {
    return workload + " " + id + " " + runner + " " + kind + " " + description;
  }
}
