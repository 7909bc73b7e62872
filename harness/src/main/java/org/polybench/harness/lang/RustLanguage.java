package org.polybench.harness.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polybench.harness.Project;
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.build.Tools;

/** The release build of rust-workloads' runner binary (cargo build --release). */
public final class RustLanguage implements Language {
  private static final String INSTALL_RUST =
      "cargo not found: install Rust (rustup, or 'apt-get install cargo rustc'), then run ./bench build";

  @Override
  public String name() {
    return "rust";
  }

  @Override
  public Availability build(Project project, BuildLog log) {
    var cargo = Tools.which("cargo");
    if (cargo.isEmpty()) {
      if (!Files.isExecutable(project.rustRunner())) return Availability.missing(INSTALL_RUST);
      log.step(name(), "cargo not found: using the runner already built, which may be out of date (" + INSTALL_RUST + ")");
      return Availability.OK;
    }
    Path rust = project.rustDir();
    Path stamp = rust.resolve("target/release/.polybench-runner-built");
    List<Path> inputs =
        List.of(rust.resolve("Cargo.toml"), rust.resolve("Cargo.lock"), rust.resolve(".cargo"), rust.resolve("kernels"), rust.resolve("runner"));
    if (Tools.stale(stamp, inputs) || !Files.isExecutable(project.rustRunner())) {
      log.step(name(), "building the runner (cargo build --release in rust-workloads)");
      if (!Tools.runVisible(List.of(cargo.get().toString(), "build", "--release", "--quiet"), rust, Map.of())) {
        // the old binary stays on disk: the marker keeps --no-build runs from measuring it as current
        Tools.touch(failedMarker(project), BUILD_FAILED);
        return Availability.missing(BUILD_FAILED);
      }
      try {
        Files.deleteIfExists(failedMarker(project));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Tools.touch(stamp, "built");
    }
    return check(project);
  }

  private static final String BUILD_FAILED =
      "cargo build --release failed in rust-workloads (output above): fix it, then run ./bench build (the binary left from an "
          + "earlier build is not used, so old code is never measured as the new one)";

  /** Present while the last cargo build failed. */
  static Path failedMarker(Project project) {
    return project.rustDir().resolve("target/release/.polybench-runner-failed");
  }

  @Override
  public Availability check(Project project) {
    if (Files.exists(failedMarker(project))) return Availability.missing(BUILD_FAILED);
    if (Tools.which("cargo").isEmpty() && !Files.isExecutable(project.rustRunner())) {
      return Availability.missing(INSTALL_RUST);
    }
    if (!Files.isExecutable(project.rustRunner())) {
      return Availability.missing("the Rust runner is not built yet: run ./bench build (./bench run builds it too)");
    }
    return Availability.OK;
  }

  @Override
  public List<String> command(Project project, List<String> flags) {
    List<String> cmd = new ArrayList<>(List.of(project.rustRunner().toString()));
    cmd.addAll(flags);
    return cmd;
  }

  @Override
  public Map<String, Object> buildId(Project project) {
    return Language.hashOf(project, project.rustRunner());
  }

  @Override
  public Map<String, Object> describe(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    Tools.capture(List.of("rustc", "--version"), project.rustDir()).or(() -> Tools.which("rustc").flatMap(r -> Tools.capture(List.of(r.toString(), "--version"), project.rustDir())))
        .ifPresent(v -> d.put("rustc", v));
    Tools.which("cargo").flatMap(c -> Tools.capture(List.of(c.toString(), "--version"), project.rustDir())).ifPresent(v -> d.put("cargo", v));
    read(project.rustDir().resolve("Cargo.toml")).ifPresent(toml -> {
      Matcher m = Pattern.compile("\\[profile\\.release]\\s*\\n((?:[^\\[\\n][^\\n]*\\n?)*)").matcher(toml);
      if (m.find()) {
        d.put("profile", "release: " + String.join(", ", m.group(1).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("\\s*#.*$", "").replace(" = ", "=")).toList()));
      }
    });
    read(project.rustDir().resolve(".cargo/config.toml")).ifPresent(cfg -> {
      Matcher m = Pattern.compile("rustflags\\s*=\\s*\\[([^]]*)]").matcher(cfg);
      if (m.find()) d.put("rustflags", m.group(1).replace("\"", "").replace(",", "").trim());
    });
    read(project.rustDir().resolve("Cargo.lock")).ifPresent(lock -> {
      Map<String, String> crates = new LinkedHashMap<>();
      for (String crate : List.of("pyo3", "numpy", "clap", "serde_json", "rayon", "mimalloc", "tokenizers")) {
        Matcher m = Pattern.compile("name = \"" + Pattern.quote(crate) + "\"\\nversion = \"([^\"]+)\"").matcher(lock);
        if (m.find()) crates.put(crate.equals("numpy") ? "rust-numpy" : crate, m.group(1));
      }
      d.put("crates", crates);
    });
    return d;
  }

  private static java.util.Optional<String> read(Path p) {
    try {
      return java.util.Optional.of(Files.readString(p));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
