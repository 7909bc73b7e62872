package org.polybench.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** A results.json this harness cannot read: its schema version is unknown or missing. */
  public static final class UnsupportedSchema extends IOException {
    public UnsupportedSchema(String message) {
      super(message);
    }
  }

  /**
   * Reads a results.json of any schema version this harness knows ({@link
   * RunRecord#READABLE_VERSIONS}); version 1 is converted to the current tree on read.
   */
  public static RunRecord load(Path resultsJson) throws IOException {
    JsonNode root = Json.mapper().readTree(resultsJson.toFile());
    if (root == null || !root.isObject()) {
      throw new UnsupportedSchema(resultsJson + " is not a polybench results file (no JSON object in it)");
    }
    JsonNode v = root.get("schema_version");
    if (v == null || !v.isInt()) {
      throw new UnsupportedSchema(resultsJson + " has no integer schema_version (found " + v + "): it is not a polybench results file");
    }
    return switch (v.intValue()) {
      case 1 -> SchemaV1.read(root);
      case RunRecord.SCHEMA_VERSION -> Json.mapper().treeToValue(root, RunRecord.class);
      default -> throw new UnsupportedSchema(
          resultsJson + " has schema_version " + v.intValue() + "; this harness reads versions "
              + new java.util.TreeSet<>(RunRecord.READABLE_VERSIONS) + (v.intValue() > RunRecord.SCHEMA_VERSION
                  ? ": it was written by a newer polybench, update this checkout (git pull) to read it" : ""));
    };
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
