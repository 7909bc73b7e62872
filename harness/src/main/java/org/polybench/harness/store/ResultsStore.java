package org.polybench.harness.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The run folder. results.json is rewritten after every cell, atomically (write then rename), so
 * a crash or Ctrl-C in cell 40 keeps cells 1-39 and never leaves a half-written file.
 */
public final class ResultsStore {
  /** The folder, inside a run's, where the charts go. */
  public static final String CHARTS_DIR = "charts";

  public static final String RESULTS_FILE = "results.json";
  private final Path dir;

  public ResultsStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path chartsDir() {
    return dir.resolve(CHARTS_DIR);
  }

  public void save(RunRecord run) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(RESULTS_FILE + ".tmp");
      Json.mapper().writeValue(tmp.toFile(), run);
      try {
        Files.move(tmp, dir.resolve(RESULTS_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(RESULTS_FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(RESULTS_FILE) + ": " + e.getMessage(), e);
    }
  }

  public static RunRecord load(Path resultsJson) throws IOException {
    return Json.mapper().readValue(resultsJson.toFile(), RunRecord.class);
  }

  /** Points results/latest at this run (a relative symlink; a copy of the path where links fail). */
  public static void linkLatest(Path resultsRoot, Path runDir) {
    Path latest = resultsRoot.resolve("latest");
    try {
      Files.deleteIfExists(latest);
      Files.createSymbolicLink(latest, resultsRoot.relativize(runDir));
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.writeString(resultsRoot.resolve("latest.txt"), runDir.toString() + "\n");
      } catch (IOException ignored) {
        // the run itself is saved; only the convenience pointer is missing
      }
    }
  }
}
