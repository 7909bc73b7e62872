package org.polybench.harness.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.startup.StartupProbe;
import org.polybench.harness.workload.Workloads;

/** hyperfine's command for a startup cell: the prober's own argument vector, no shell, warm-ups, JSON out. */
class HyperfineRefereeTest {
  private static Cell startup(String variant) {
    String[] lv = variant.split("/", 2);
    Implementation impl = new Implementation(lv[0], lv[1], Implementation.Kind.NAIVE, Map.of("startup", "x"), "startup", false, null);
    return new Cell(Workloads.find("startup").orElseThrow(), impl, 1, 1);
  }

  @Test
  void runsTheProbersArgvWithoutAShellAfterWarmUps(@TempDir Path root) {
    Project project = new Project(root);
    Cell cell = startup("python/numpy-import");
    Referee.Job job = new HyperfineReferee().job(project, cell, 42, null, root.resolve("out"), true);
    List<String> cmd = job.command();
    assertEquals(root.resolve(".bench/tools/bin/hyperfine").toString(), cmd.get(0));
    assertTrue(cmd.contains("--shell=none"), cmd.toString());
    assertEquals("3", cmd.get(cmd.indexOf("--warmup") + 1));
    assertEquals(root.resolve("out/hyperfine.json").toString(), cmd.get(cmd.indexOf("--export-json") + 1));
    // the one command string hyperfine splits into words (as a POSIX shell would, but runs without one):
    // "import numpy" must stay one argument
    assertEquals(project.venvPython() + " -c 'import numpy'", cmd.get(cmd.size() - 1));
    assertEquals(List.of(project.venvPython().toString(), "-c", "import numpy"), StartupProbe.command(project, "numpy-import"));
    assertEquals(root, job.dir(), "from the folder the prober spawns in");
  }

  @Test
  void onlyStartupCellsAreRefereed() {
    HyperfineReferee h = new HyperfineReferee();
    assertNull(h.refuses(startup("rust/empty")));
    Implementation rust = new Implementation("rust", "box", Implementation.Kind.NAIVE, Map.of("binary-trees", "x"), "rust", false, null);
    assertNotNull(h.refuses(new Cell(Workloads.find("binary-trees").orElseThrow(), rust, 10, 1)));
    assertEquals("hyperfine", Referees.of(startup("java/empty-main")).orElseThrow().tool());
  }

  @Test
  void aMissingHyperfineWithoutCargoIsOneMessageNamingTheFix(@TempDir Path root) {
    var console = new java.io.ByteArrayOutputStream();
    String problem = HyperfineReferee.install(new Project(root), new java.io.PrintStream(console), java.util.Optional.empty());
    assertNotNull(problem);
    assertTrue(problem.contains("https://rustup.rs"), problem);
    assertTrue(problem.contains("cargo install hyperfine --version " + HyperfineReferee.VERSION + " --locked --root " + root.resolve(".bench/tools")),
        problem);
    assertEquals("", console.toString(), "nothing was attempted");
  }
}
