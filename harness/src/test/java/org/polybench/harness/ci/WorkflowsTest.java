package org.polybench.harness.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows pass actionlint (pinned: {@value #VERSION}). Skipped, saying how to
 * install it, when no actionlint is found (-Dactionlint=PATH, PATH, $GOBIN, $HOME/go/bin).
 */
class WorkflowsTest {
  static final String VERSION = "v1.7.7";
  private static final Path ROOT = Path.of(System.getProperty("polybench.root", "..")).toAbsolutePath().normalize();

  private static Path actionlint() {
    List<Path> candidates = new ArrayList<>();
    if (System.getProperty("actionlint") != null) candidates.add(Path.of(System.getProperty("actionlint")));
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (!d.isEmpty()) candidates.add(Path.of(d, "actionlint"));
    if (System.getenv("GOBIN") != null) candidates.add(Path.of(System.getenv("GOBIN"), "actionlint"));
    candidates.add(Path.of(System.getProperty("user.home"), "go", "bin", "actionlint"));
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  @Test
  void workflowsPassActionlint() throws Exception {
    Path wf = ROOT.resolve(".github/workflows");
    try (var files = Files.list(wf)) {
      assertTrue(files.anyMatch(p -> p.toString().endsWith(".yml")), "no workflow in " + wf);
    }
    Path bin = actionlint();
    Assumptions.assumeTrue(bin != null, "actionlint not found: go install github.com/rhysd/actionlint/cmd/actionlint@" + VERSION
        + " (or -Dactionlint=PATH) to check the workflows");
    Process p = new ProcessBuilder(bin.toString(), "-no-color").directory(ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "actionlint found problems:\n" + out);
  }

  @Test
  void actionlintRejectsABrokenWorkflow() throws Exception {
    Path bin = actionlint();
    Assumptions.assumeTrue(bin != null, "actionlint not found");
    Path tmp = Files.createTempFile("broken", ".yml");
    Files.writeString(tmp, "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.event.nope }}\n        uses: actions/checkout@v4\n");
    Process p = new ProcessBuilder(bin.toString(), "-no-color", tmp.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    Files.delete(tmp);
    assertTrue(p.exitValue() != 0, "the check can fail");
  }
}
