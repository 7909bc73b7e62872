package org.polybench.harness.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.polybench.harness.Project;
import org.polybench.harness.store.Json;

/**
 * The minimal programs of the {@code startup} workload: the one table the prober's {@code --list},
 * flag checks and spawning read. Each prints nothing and exits 0.
 */
final class Programs {
  /** One minimal program: its implementation id, kind, description and argument vector. */
  record Program(String language, String variant, String kind, String description, boolean optIn,
      Function<Project, List<String>> argv, Function<Project, String> missingFn) {
    /** The runtime's name in results.json: CPython, GraalPy, rustc, HotSpot. */
    String runtimeName() {
      if (variant.startsWith("graalpy")) return "GraalPy";
      return switch (language) {
        case "python" -> "CPython";
        case "rust" -> "rustc";
        default -> "HotSpot";
      };
    }

    String id() {
      return language + "/" + variant;
    }

    List<String> command(Project p) {
      return argv.apply(p);
    }

    /** Why this program cannot be timed here (its own build, or the prober's spawner), or null. */
    String missing(Project p) {
      String own = missingFn.apply(p);
      return own != null ? own : Spawner.missing(p);
    }

    Map<String, Object> runtime(Project p) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", runtimeName());
      r.put("program", String.join(" ", command(p)));
      return r;
    }
  }

  static final String EMPTY_MAIN = "org.polybench.workloads.EmptyMain";
  static final String GRAALPY_MAIN = "org.polybench.graalpy.StartupMain";

  private static String graalPyMissing(Project p) {
    var a = new org.polybench.harness.lang.GraalPyLanguage().check(p);
    return a.available() ? null : a.reason();
  }

  private static String java() {
    return System.getProperty("java.home") + "/bin/java";
  }

  private static String needsFile(Path f, String fix) {
    return Files.isRegularFile(f) ? null : f + " is missing: " + fix;
  }

  private static Path emptyRust(Project p) {
    return p.rustDir().resolve("target/release/polybench-empty");
  }

  static final List<Program> ALL = List.of(
      new Program("python", "bare", "naive", "CPython starting and running nothing: python -c pass (the venv's interpreter)", false,
          p -> List.of(p.venvPython().toString(), "-c", "pass"),
          p -> needsFile(p.venvPython(), "run ./bench build")),
      new Program("python", "numpy-import", "naive", "CPython importing NumPy and nothing else: python -c 'import numpy' (what a script using it pays)", false,
          p -> List.of(p.venvPython().toString(), "-c", "import numpy"),
          p -> needsFile(p.venvPython(), "run ./bench build")),
      new Program("python", "no-site", "idiomatic", "CPython without the site module: python -S -c pass (skips site-packages and .pth processing)", false,
          p -> List.of(p.venvPython().toString(), "-S", "-c", "pass"),
          p -> needsFile(p.venvPython(), "run ./bench build")),
      new Program("rust", "empty", "naive", "a release Rust binary whose main does nothing (polybench-empty, default allocator)", false,
          p -> List.of(emptyRust(p).toString()),
          p -> needsFile(emptyRust(p), "run ./bench build (cargo build --release builds it with the runner)")),
      new Program("java", "empty-main", "naive", "java -cp workloads.jar with an empty main(), the JDK's default CDS archive", false,
          p -> List.of(java(), "-cp", p.javaRunnerJar().toString(), EMPTY_MAIN),
          p -> needsFile(p.javaRunnerJar(), "run ./bench build")),
      new Program("java", "empty-main-appcds", "idiomatic", "the same with an application class-data archive (-XX:+AutoCreateSharedArchive, made in the first, untimed run; one archive per build of the jar)", false,
          p -> List.of(java(), "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive(p),
              "-cp", p.javaRunnerJar().toString(), EMPTY_MAIN),
          p -> needsFile(p.javaRunnerJar(), "run ./bench build")),
      // opt-in as every GraalPy cell is: each process takes seconds (name it: --implementations python/graalpy-context); not "python/graalpy", which is the graalpy runner's (one runner per implementation)
      new Program("python", "graalpy-context", "naive", "JVM start + creating a GraalPy Polyglot context + eval('pass') + closing it"
          + " (org.polybench.graalpy.StartupMain, the python/graalpy runner's JVM flags: JVMCI, Graal compiler jars); what embedding GraalPy costs", true,
          p -> org.polybench.harness.lang.GraalPyLanguage.mainCommand(p, GRAALPY_MAIN),
          Programs::graalPyMissing));

  private Programs() {}

  static Program find(String variant) {
    return ALL.stream().filter(p -> p.variant().equals(variant)).findFirst().orElse(null);
  }

  static List<String> variants() {
    return ALL.stream().map(Program::variant).toList();
  }

  /** The {@code --list} document: every program, each row naming its own language. */
  static String catalogueJson(Project project) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Program p : ALL) {
      String missing = p.missing(project);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workload", "startup");
      row.put("language", p.language());
      row.put("variant", p.variant());
      row.put("kind", p.kind());
      row.put("description", p.description());
      row.put("available", missing == null);
      row.put("reason", missing == null ? null : p.id() + " is unavailable: " + missing);
      row.put("opt_in", p.optIn());
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("protocol", 2);
    doc.put("runner", "startup");
    doc.put("language", "python");
    doc.put("implementations", rows);
    try {
      return Json.mapper().writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The AppCDS archive of the current build of the workloads jar. An archive made from an older
   * jar is refused by the JVM (with a warning on every run) and not re-made in place, so each build
   * gets its own file, named after the jar's size and modification time.
   */
  static java.nio.file.Path archive(org.polybench.harness.Project p) {
    java.nio.file.Path jar = p.javaRunnerJar();
    String stamp;
    try {
      stamp = java.nio.file.Files.size(jar) + "-" + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
    } catch (java.io.IOException e) {
      stamp = "unknown";
    }
    return p.root().resolve(".bench/startup/empty-main-" + stamp + ".jsa");
  }
}
