package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.export.FileExport;
import org.polybench.harness.output.Outputs;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./bench export: a run in a format other tools read (CSV, github-action-benchmark, Bencher). */
@Command(
    name = "export",
    description = {
      "Writes a run in a format another tool reads, into the run folder: csv (results.csv, one row per cell),",
      "github-action-benchmark (customSmallerIsBetter JSON), bencher (Bencher Metric Format, the 95%% CI as bounds).",
      "Only verified cells carry numbers. Measures nothing."
    })
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT", description = "csv, github-action-benchmark, bencher (several: comma-separated)")
  List<String> formats;

  @picocli.CommandLine.Mixin RunDirArgument source;

  @Option(names = "--output", paramLabel = "FILE", description = "also copy the file here (one format only)")
  Path output;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<FileExport> chosen = resolve(formats);
    if (output != null && chosen.size() != 1) throw new UserError("--output takes one --format, not " + chosen.size());
    Path runPath = source.path();
    RunRecord run = RunDirs.load(runPath);
    Path runDir = (Files.isDirectory(runPath) ? runPath : runPath.toAbsolutePath().getParent()).toAbsolutePath();
    for (FileExport e : chosen) {
      Path file;
      try {
        file = e.write(run, runDir, List.of(), System.out).get(0);
      } catch (IOException ex) {
        throw new UserError("cannot write " + e.fileName() + " into " + runDir + ": " + ex.getMessage() + " (is the folder writable?)", 1);
      }
      if (output != null) {
        try {
          Files.copy(file, output, StandardCopyOption.REPLACE_EXISTING);
          file = output;
        } catch (IOException ex) {
          throw new UserError("cannot write --output " + output + ": " + ex.getMessage());
        }
      }
      spec.commandLine().getOut().println(e.formatName() + ": " + file);
    }
    return 0;
  }

  /** The exports named, or a UserError naming the known ones (also used by ./bench run --export). */
  static List<FileExport> resolve(List<String> names) {
    return names.stream()
        .map(n -> Outputs.export(n.strip()).orElseThrow(
            () -> new UserError("unknown export format '" + n + "': choose " + Outputs.exportNames())))
        .toList();
  }
}
