package org.polybench.harness.startup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.store.Json;

/**
 * The prober's native spawner ({@code rust-workloads/runner/src/bin/polybench-spawn.rs}), started
 * once per prober run, untimed: each {@link #spawn} asks it to start one program and gets back the
 * program's exit code, wall time, stdout digest and stderr tail. The clock and the spawn are in that
 * native process because a JVM's {@link ProcessBuilder} starts every child through
 * {@code jspawnhelper}, an extra exec in every sample (measured here: rust/empty 1.9 ms against
 * hyperfine's 1.0 ms; python -c pass 40 against 30 ms).
 */
final class Spawner implements AutoCloseable {
  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader replies;

  /** The spawner binary, built by {@code cargo build --release} with the Rust runner. */
  static Path binary(Project project) {
    return project.rustDir().resolve("target/release/polybench-spawn");
  }

  /** Why the prober cannot time processes here, or null. */
  static String missing(Project project) {
    Path b = binary(project);
    return Files.isExecutable(b) ? null
        : "the prober's spawner " + b + " is missing: run ./bench build (cargo build --release builds it with the Rust runner)";
  }

  /** Starts the spawner with {@code dir} as the working directory of every program it starts. */
  Spawner(Project project, Path dir) throws IOException {
    process = new ProcessBuilder(binary(project).toString()).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** One program, hyperfine's way: argv directly, stdin /dev/null, stdout read to the end, then reaped. */
  StartupProbe.Spawned spawn(List<String> cmd) throws IOException {
    requests.write(Json.mapper().writeValueAsString(cmd));
    requests.newLine();
    requests.flush();
    String line = replies.readLine();
    if (line == null) {
      throw new IOException("the spawner " + process.info().command().orElse("polybench-spawn") + " exited while starting " + cmd.get(0));
    }
    JsonNode r = Json.mapper().readTree(line);
    if (r.has("error")) {
      throw new IOException(r.get("error").asText());
    }
    return new StartupProbe.Spawned(r.get("exit").asInt(), r.get("wall_ns").asLong(),
        Long.parseUnsignedLong(r.get("stdout_fnv").asText()), r.get("stderr_tail").asText());
  }

  @Override
  public void close() throws IOException {
    requests.close();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
