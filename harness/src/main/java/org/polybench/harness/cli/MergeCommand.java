package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polybench.harness.UserError;
import org.polybench.harness.merge.Merge;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./bench merge RUN_DIR...: runs of several machines as one report, machines as a dimension. */
@Command(
    name = "merge",
    description = {
      "Merges runs (e.g. one per CI runner image) into one report with the machine as a dimension: summary.md",
      "(per cell, each machine's median and its factor against the first) and merged.json. Measures nothing."
    })
public final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "run folders or results.json files, the first is the reference")
  List<Path> runs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder for summary.md and merged.json")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<RunRecord> loaded = runs.stream().map(CompareCommand::load).toList();
    List<Merge.Source> sources = Merge.sources(runs.stream().map(Path::toString).toList(), loaded);
    try {
      for (Path f : Merge.write(sources, out)) spec.commandLine().getOut().println("merge: " + f);
    } catch (IOException e) {
      throw new UserError("cannot write into --out " + out + ": " + e.getMessage());
    }
    return 0;
  }
}
