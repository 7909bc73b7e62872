package org.polybench.harness.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.polybench.harness.Project;
import org.polybench.harness.build.Tools;
import org.polybench.harness.lang.Language;

/** Records which machine, toolchains, libraries and commit produced a run. */
public final class EnvironmentProbe {
  public static final String HARNESS_VERSION = "0.1.0";

  private EnvironmentProbe() {}

  public static Map<String, Object> capture(Project project, List<Language> languages) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("machine", machine());
    Map<String, Map<String, Object>> details = new LinkedHashMap<>();
    for (Language l : languages) details.put(l.name(), l.describe(project));
    env.put("toolchains", toolchains(details));
    Map<String, Object> libraries = new LinkedHashMap<>();
    copy(details.get("python"), libraries, "numpy", "maturin", "pytest", "tokenizers");
    if (details.get("rust") != null && details.get("rust").get("crates") instanceof Map<?, ?> crates) {
      crates.forEach((k, v) -> libraries.put(String.valueOf(k), v));
    }
    libraries.putAll(harnessLibraries());
    env.put("libraries", libraries);
    Map<String, Object> build = new LinkedHashMap<>();
    if (details.get("rust") != null) {
      copy(details.get("rust"), build, "rustflags", "profile");
    }
    env.put("build", build);
    env.put("languages", details);
    env.put("git", git(project));
    env.put("harness_version", HARNESS_VERSION);
    return env;
  }

  /** One line per toolchain, "name -> version (where)", for people; details stay in "languages". */
  private static Map<String, Object> toolchains(Map<String, Map<String, Object>> d) {
    Map<String, Object> t = new LinkedHashMap<>();
    Map<String, Object> py = d.get("python");
    if (py != null && py.get("version") != null) {
      t.put("python", py.getOrDefault("implementation", "Python") + " " + py.get("version") + " (" + py.get("executable") + ")");
    }
    Map<String, Object> rust = d.get("rust");
    if (rust != null) copy(rust, t, "rustc", "cargo");
    Map<String, Object> java = d.get("java");
    if (java != null) t.put("java", java.get("version") + " (" + java.get("vendor") + ", " + java.get("vm") + ")");
    Map<String, Object> graalpy = d.get("graalpy");
    if (graalpy != null && graalpy.get("graalpy") != null) {
      t.put("graalpy", "GraalPy " + graalpy.get("graalpy") + " (Graal compiler " + graalpy.get("graal_compiler") + " via JVMCI)");
    }
    return t;
  }

  private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
    if (from == null) return;
    for (String k : keys) {
      if (from.get(k) != null) to.put(k, from.get(k));
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
    m.put("logical_cores", Runtime.getRuntime().availableProcessors());
    firstValue(Path.of("/proc/meminfo"), "MemTotal").ifPresent(v -> m.put("memory_bytes", Long.parseLong(v.replaceAll("[^0-9]", "")) * 1024));
    m.put("os", firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", "")).orElse(System.getProperty("os.name")));
    m.put("kernel", System.getProperty("os.version"));
    m.put("arch", System.getProperty("os.arch"));
    firstValue(Path.of("/proc/cpuinfo"), "flags")
        .ifPresent(flags -> m.put("simd", List.of(flags.split(" ")).stream().filter(f -> f.matches("sse4_2|avx|avx2|fma|avx512f")).toList()));
    return m;
  }

  /** The value after "key:" or "key=" on the first matching line of a /proc or /etc file. */
  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          int sep = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
          if (sep >= 0) return java.util.Optional.of(line.substring(sep + 1).trim());
        }
      }
    } catch (IOException e) {
      // not Linux, or not readable: the field is left out rather than guessed
    }
    return java.util.Optional.empty();
  }

  private static Map<String, Object> harnessLibraries() {
    Map<String, Object> libs = new LinkedHashMap<>();
    libs.put("picocli", picocli.CommandLine.VERSION); // its jar carries no pom.properties
    String[][] artifacts = {
      {"info.picocli", "picocli"}, {"com.fasterxml.jackson.core", "jackson-databind"}, {"org.knowm.xchart", "xchart"}
    };
    for (String[] a : artifacts) {
      try (InputStream in = EnvironmentProbe.class.getResourceAsStream("/META-INF/maven/" + a[0] + "/" + a[1] + "/pom.properties")) {
        if (in == null) continue;
        Properties p = new Properties();
        p.load(in);
        libs.put(a[1], p.getProperty("version"));
      } catch (IOException e) {
        // version unknown: left out
      }
    }
    return libs;
  }

  private static Map<String, Object> git(Project project) {
    Map<String, Object> g = new LinkedHashMap<>();
    Tools.capture(List.of("git", "rev-parse", "HEAD"), project.root()).ifPresent(c -> g.put("commit", c));
    Tools.capture(List.of("git", "status", "--porcelain", "--untracked-files=no"), project.root())
        .ifPresent(s -> g.put("dirty", !s.isBlank()));
    return g;
  }
}
