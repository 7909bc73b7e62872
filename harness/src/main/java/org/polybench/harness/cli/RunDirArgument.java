package org.polybench.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional RUN_DIR of the commands that read one run (report, claims, export): a picocli mixin. */
final class RunDirArgument {
  @Parameters(arity = "0..1", paramLabel = "RUN_DIR", description = "a run folder or its results.json (default: results/latest)")
  Path dir;

  /** What was given, resolved against the caller's folder, or results/latest. */
  Path path() {
    return RunDirs.orLatest(dir, "RUN_DIR");
  }
}
