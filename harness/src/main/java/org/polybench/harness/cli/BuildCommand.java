package org.polybench.harness.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import picocli.CommandLine.Command;

/** ./bench build: builds every language's runner that is stale. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {"Builds what is stale: the Rust runner, the Python venv and the PyO3 extension (Maven ran already).",
      "Exit code 3 when a language cannot be built here."})
public final class BuildCommand implements Callable<Integer> {
  @picocli.CommandLine.Option(names = "--free-threaded", description =
      "also build a free-threaded CPython 3.13 (--disable-gil) from the CPython source in Debian's archive into "
          + ".bench/free-threaded, once (python-workloads/build-free-threaded.sh; several minutes), and its venv "
          + ".bench/free-threaded-venv (requirements-free-threaded.txt, our extension built for it); "
          + "./bench run --free-threaded then uses it. Exit 2 naming what to install when a build dependency is missing.")
  boolean freeThreaded;

  @Override
  public Integer call() throws Exception {
    Project project = Project.locate();
    if (freeThreaded) {
      Process p = new ProcessBuilder("bash", project.pythonDir().resolve("build-free-threaded.sh").toString())
          .directory(project.root().toFile()).inheritIO().start();
      int rc = p.waitFor();
      if (rc != 0) return rc;
    }
    BuildLog log = new BuildLog(System.out);
    int missing = 0;
    List<Language> languages = new java.util.ArrayList<>(Languages.all());
    if (freeThreaded) languages.add(org.polybench.harness.lang.PythonLanguage.freeThreaded());
    for (Language l : languages) {
      Availability a = l.build(project, log);
      System.out.printf("%-9s %s%n", l.name(), a.available() ? "ready" : "UNAVAILABLE: " + a.reason());
      if (!a.available()) missing++;
    }
    return missing == 0 ? 0 : 3;
  }
}
