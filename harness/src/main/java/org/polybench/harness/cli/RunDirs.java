package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** The run folders the commands that read a run (report, claims, compare, export, history) are given. */
final class RunDirs {
  private RunDirs() {}

  /** The run the user named, relative to the folder they ran ./bench from, or results/latest. */
  static Path orLatest(Path given, String what) {
    return given != null ? UserPaths.resolveNonEmpty(given, what) : Project.locate().resultsDir().resolve("latest");
  }

  /** The folder of a run given as a folder or as its results.json. */
  static Path folder(Path p) {
    return Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
  }

  /** A run folder or its results.json, read; one exit-2 message naming the fix when it is neither. */
  static RunRecord load(Path p) {
    Path json = Files.isDirectory(p) ? p.resolve(ResultsStore.RESULTS_FILE) : p;
    if (Files.isDirectory(p) && !Files.isRegularFile(json)) {
      throw new UserError("no " + ResultsStore.RESULTS_FILE + " in " + p + ": give a run folder, e.g. results/<run-id>");
    }
    if (!Files.isRegularFile(json)) {
      throw new UserError(p + ": no such run (give a run folder holding " + ResultsStore.RESULTS_FILE
          + ", e.g. results/<run-id>, or the file itself)");
    }
    try {
      return ResultsStore.load(json);
    } catch (ResultsStore.UnsupportedSchema e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + json + ": " + e.getMessage() + " (is it a results.json written by ./bench run?)");
    }
  }
}
