package org.polybench.harness.cli;

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
  @Override
  public Integer call() {
    Project project = Project.locate();
    BuildLog log = new BuildLog(System.out);
    int missing = 0;
    for (Language l : Languages.all()) {
      Availability a = l.build(project, log);
      System.out.printf("%-7s %s%n", l.name(), a.available() ? "ready" : "UNAVAILABLE: " + a.reason());
      if (!a.available()) missing++;
    }
    return missing == 0 ? 0 : 3;
  }
}
