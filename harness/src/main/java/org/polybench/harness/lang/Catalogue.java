package org.polybench.harness.lang;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.store.Json;

/**
 * What the runners implement, asked of the runners themselves: each answers {@code --list} with
 * one JSON document (docs/runner-protocol.md), and its own table is the only place a variant is
 * registered. The answer is kept in {@code .bench/catalogue/RUNNER.json}, so a runner that cannot
 * start now (toolchain missing, build failed) still has its implementations planned and recorded
 * as unavailable, with the reason, instead of silently dropped.
 *
 * <p>The answer is also reused while the runner's build is unchanged: beside it,
 * {@code RUNNER.key.json} holds what it was asked with (the protocol version, the {@code --list}
 * command line, the runner's {@link Language#buildId}: the hash of its binary, jar or sources and,
 * for Python, of the interpreter and the venv's installed packages). A later command whose key is
 * the same reads the answer instead of starting the runner; any rebuild, another interpreter
 * ({@code --python}) or JDK, or a package installed into the venv changes the key and the runner
 * is asked again.
 */
public final class Catalogue {
  public static final int PROTOCOL = org.polybench.harness.protocol.RunnerOutput.PROTOCOL;
  private static final Duration LIST_TIMEOUT = Duration.ofSeconds(120);

  private Catalogue() {}

  /**
   * Asks every runner for its catalogue. {@code runners} maps each runner to the language object
   * that starts it and whether it can start; {@code warn} gets one line per runner whose answer
   * could not be had.
   */
  public static Implementations load(
      Project project, Map<String, Language> runners, Map<String, Availability> availability, PrintStream warn) {
    List<Implementation> all = new ArrayList<>();
    // every runner at once: each --list is mostly start-up (a JVM, an interpreter), so ./bench list
    // waits for the slowest runner, not for their sum
    Map<String, java.util.concurrent.CompletableFuture<String>> answers = new LinkedHashMap<>();
    Map<String, String> cached = new LinkedHashMap<>();
    for (Map.Entry<String, Language> e : runners.entrySet()) {
      if (!availability.getOrDefault(e.getKey(), Availability.OK).available()) continue;
      String fresh = cachedAnswer(project, e.getKey(), e.getValue());
      if (fresh != null) {
        cached.put(e.getKey(), fresh);
        continue;
      }
      answers.put(e.getKey(), java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return ask(project, e.getValue());
        } catch (CatalogueError ex) {
          throw new java.util.concurrent.CompletionException(ex);
        }
      }, runnable -> Thread.ofPlatform().daemon().start(runnable)));
    }
    for (Map.Entry<String, Language> e : runners.entrySet()) {
      String runner = e.getKey();
      Availability a = availability.getOrDefault(runner, Availability.OK);
      Path cache = project.root().resolve(".bench/catalogue/" + runner + ".json");
      String doc = null;
      String why = a.available() ? null : a.reason();
      if (a.available() && cached.containsKey(runner)) {
        doc = cached.get(runner);
      } else if (a.available()) {
        try {
          doc = answer(answers.get(runner));
          Files.createDirectories(cache.getParent());
          Files.deleteIfExists(keyFile(project, runner));
          Files.writeString(cache, doc);
          // the key last: an interrupted write leaves no key, so the next command asks again
          Files.writeString(keyFile(project, runner), key(project, runners.get(runner)));
        } catch (CatalogueError | IOException ex) {
          why = ex.getMessage();
        }
      }
      if (doc == null) {
        if (!Files.isRegularFile(cache)) {
          warn.println("warning: " + runner + ": its implementations are unknown, none is planned (" + why + ")");
          continue;
        }
        try {
          doc = Files.readString(cache);
        } catch (IOException ex) {
          warn.println("warning: " + runner + ": cannot read " + cache + ": " + ex.getMessage());
          continue;
        }
      }
      try {
        all.addAll(withVariantsUnavailable(parse(runner, doc, why), a));
      } catch (CatalogueError ex) {
        warn.println("warning: " + runner + ": " + ex.getMessage());
      }
    }
    return new Implementations(all);
  }

  /** What a runner's answer was asked with: protocol, command line and build (see the class comment). */
  static String key(Project project, Language lang) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("protocol", PROTOCOL);
    k.put("command", lang.listCommand(project));
    k.put("build", lang.buildId(project));
    try {
      return Json.mapper().writeValueAsString(k);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path keyFile(Project project, String runner) {
    return project.root().resolve(".bench/catalogue/" + runner + ".key.json");
  }

  /** The stored answer of {@code runner} when it was asked with today's key, else null. */
  static String cachedAnswer(Project project, String runner, Language lang) {
    Path cache = project.root().resolve(".bench/catalogue/" + runner + ".json");
    Path keyFile = keyFile(project, runner);
    try {
      if (!Files.isRegularFile(cache) || !Files.isRegularFile(keyFile)) return null;
      return Files.readString(keyFile).equals(key(project, lang)) ? Files.readString(cache) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The implementations with the variants {@code a} rules out (a failed build step) marked unavailable. */
  static List<Implementation> withVariantsUnavailable(List<Implementation> impls, Availability a) {
    if (a.unavailableVariants().isEmpty()) return impls;
    List<Implementation> out = new ArrayList<>();
    for (Implementation i : impls) {
      String why = a.variantReason(i.variant());
      if (why == null) {
        out.add(i);
        continue;
      }
      Map<String, String> unavailable = new LinkedHashMap<>();
      i.descriptions().keySet().forEach(w -> unavailable.put(w, why));
      out.add(new Implementation(i.language(), i.variant(), i.kind(), i.descriptions(), i.runner(), i.optIn(), unavailable));
    }
    return out;
  }

  private static String answer(java.util.concurrent.CompletableFuture<String> f) throws CatalogueError {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException ex) {
      if (ex.getCause() instanceof CatalogueError c) throw c;
      throw new CatalogueError(String.valueOf(ex.getCause()));
    }
  }

  private static String ask(Project project, Language lang) throws CatalogueError {
    ProcessOutcome o;
    try {
      o = ProcessExecutor.execute(lang.listCommand(project), lang.workingDir(project), LIST_TIMEOUT);
    } catch (IOException ex) {
      throw new CatalogueError("cannot start the runner for --list: " + ex.getMessage());
    }
    if (o.timedOut()) throw new CatalogueError("the runner did not answer --list within " + LIST_TIMEOUT.toSeconds() + " s");
    if (o.exitCode() != 0) {
      throw new CatalogueError("the runner's --list exited " + o.exitCode() + ": " + o.stderrTail() + " (rebuild it: ./bench build)");
    }
    return o.stdout();
  }

  /**
   * One runner's {@code --list} document as implementations. {@code unavailableBecause}, when not
   * null, marks every entry unavailable for that reason (a cached answer of a runner that cannot
   * start now).
   */
  public static List<Implementation> parse(String runner, String doc, String unavailableBecause) throws CatalogueError {
    JsonNode root;
    try {
      root = Json.mapper().readTree(doc);
    } catch (IOException ex) {
      throw new CatalogueError("--list did not print one JSON document: " + ex.getMessage());
    }
    if (root == null || !root.isObject()) throw new CatalogueError("--list did not print a JSON object");
    if (root.path("protocol").asInt(-1) != PROTOCOL) {
      throw new CatalogueError("--list speaks protocol " + root.path("protocol") + ", the harness " + PROTOCOL + ": rebuild it (./bench build)");
    }
    String runnerLanguage = text(root, "language");
    JsonNode rows = root.path("implementations");
    if (!rows.isArray()) throw new CatalogueError("--list has no \"implementations\" array");
    Map<String, Builder> byVariant = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      String workload = text(row, "workload");
      // a row may name its own language: the startup prober measures programs of every language
      String language = row.has("language") ? text(row, "language") : runnerLanguage;
      String variant = text(row, "variant");
      Implementation.Kind kind;
      try {
        kind = Implementation.Kind.parse(text(row, "kind"));
      } catch (IllegalArgumentException ex) {
        throw new CatalogueError(language + "/" + variant + ": " + ex.getMessage());
      }
      Builder b = byVariant.computeIfAbsent(language + "/" + variant, v -> new Builder(language, variant, kind, row.path("opt_in").asBoolean(false)));
      if (b.kind != kind) {
        throw new CatalogueError(language + "/" + variant + " is listed as both " + b.kind.label() + " and " + kind.label());
      }
      if (b.descriptions.put(workload, text(row, "description")) != null) {
        throw new CatalogueError(language + "/" + variant + " lists workload " + workload + " twice");
      }
      if (unavailableBecause != null) {
        b.unavailable.put(workload, unavailableBecause);
      } else if (!row.path("available").asBoolean(false)) {
        b.unavailable.put(workload, row.path("reason").asText("the runner says it cannot run here"));
      }
    }
    List<Implementation> out = new ArrayList<>();
    byVariant.forEach((id, b) ->
        out.add(new Implementation(b.language, b.variant, b.kind, b.descriptions, runner, b.optIn, b.unavailable)));
    return out;
  }

  private static String text(JsonNode node, String field) throws CatalogueError {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new CatalogueError("--list entry " + node + " has no \"" + field + "\" text");
    }
    return v.asText();
  }

  private static final class Builder {
    final String language;
    final String variant;
    final Implementation.Kind kind;
    final boolean optIn;
    final Map<String, String> descriptions = new LinkedHashMap<>();
    final Map<String, String> unavailable = new LinkedHashMap<>();

    Builder(String language, String variant, Implementation.Kind kind, boolean optIn) {
      this.language = language;
      this.variant = variant;
      this.kind = kind;
      this.optIn = optIn;
    }
  }

  /** A runner's catalogue could not be had or read; the message says why. */
  public static final class CatalogueError extends Exception {
    public CatalogueError(String message) {
      super(message);
    }
  }
}
