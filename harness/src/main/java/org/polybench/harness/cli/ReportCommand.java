package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.output.Outputs;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;

/** ./bench report: draws charts and summary.md again from a run's results.json. */
@Command(
    name = "report",
    description = {
      "Draws the charts and summary.md again from a run folder's results.json, e.g. after an interrupted run.",
      "Measures nothing."
    })
public final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin RunDirArgument source;

  @Override
  public Integer call() {
    Path runDir = RunDirs.folder(source.path());
    RunRecord run = RunDirs.load(runDir);
    if (run.finishedAt() == null) {
      System.out.println("note: this run did not finish; the report covers the " + run.measurements().size() + " cells it measured.");
    }
    Outputs.render(run, new ResultsStore(runDir.toAbsolutePath()), System.out);
    return 0;
  }
}
