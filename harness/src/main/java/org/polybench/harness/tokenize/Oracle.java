package org.polybench.harness.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.store.Json;

/**
 * The reference answer of {@code tokenize}: Hugging Face {@code tokenizers} itself, run by
 * {@code python -m polybench.oracle} in the project's virtual environment on the same corpus and
 * vocabulary the runners read. When it cannot run, this throws: a tokenize cell is then failed,
 * never verified against nothing.
 */
public final class Oracle {
  /** What the oracle printed: the checksum, and the numbers the report shows. */
  public record Answer(String checksum, long tokens, long documents, String tokenizersVersion) {}

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private Oracle() {}

  public static Answer run(Project project, Path corpus) {
    Path python = project.venvPython();
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException(
          "the tokenize oracle (Hugging Face tokenizers) needs python-workloads/.venv, which is not built:"
              + " run ./bench build, then run again");
    }
    List<String> cmd = List.of(python.toString(), "-m", "polybench.oracle", "--input", corpus.toAbsolutePath().toString());
    ProcessOutcome o;
    try {
      o = ProcessExecutor.execute(cmd, project.pythonDir(), TIMEOUT);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the tokenize oracle (" + String.join(" ", cmd) + "): " + e.getMessage(), e);
    }
    if (o.timedOut()) {
      throw new IllegalStateException("the tokenize oracle did not finish within " + TIMEOUT.toMinutes() + " minutes");
    }
    if (o.exitCode() != 0) {
      String hint = o.exitCode() == 3 ? " (./bench build installs the pinned tokenizers into the venv)" : "";
      throw new IllegalStateException(
          "the tokenize oracle (Hugging Face tokenizers) failed with exit " + o.exitCode() + ": " + o.stderrTail() + hint);
    }
    try {
      JsonNode j = Json.mapper().readTree(o.stdout().strip());
      String checksum = j.get("checksum").asText();
      if (!checksum.matches("\\d+:[0-9a-f]{16}")) throw new IOException("bad checksum '" + checksum + "'");
      return new Answer(checksum, j.get("tokens").asLong(), j.get("documents").asLong(), j.path("tokenizers").asText("?"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the tokenize oracle printed no usable answer: " + o.stdout().strip() + " (" + e.getMessage() + ")", e);
    }
  }
}
