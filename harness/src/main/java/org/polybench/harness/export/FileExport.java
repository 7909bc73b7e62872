package org.polybench.harness.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.ReportFormat;

/**
 * An export: one file in the run folder, in a format another tool reads (a CI dashboard, a
 * spreadsheet). Each format is one subclass: its --format name, its file name and its text.
 */
public abstract class FileExport implements ReportFormat {
  private final String formatName;
  private final String fileName;

  /** {@code formatName}: the name of ./bench export --format and ./bench run --export; {@code fileName}: its file in the run folder. */
  protected FileExport(String formatName, String fileName) {
    this.formatName = formatName;
    this.fileName = fileName;
  }

  /** The name of ./bench export --format and ./bench run --export. */
  public final String formatName() {
    return formatName;
  }

  /** The file it writes in the run folder. */
  public final String fileName() {
    return fileName;
  }

  /** The whole file. Must depend on the run alone, so a golden file can seal it. */
  public abstract String render(RunRecord run);

  @Override
  public String name() {
    return fileName();
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, PrintStream console) throws IOException {
    Path file = runDir.resolve(fileName());
    Files.writeString(file, render(run));
    return List.of(file);
  }

  /**
   * The benchmark's name in dashboards, stable from run to run: dot/python/pure/1000000, with
   * /threads=4 when more than one thread.
   */
  public static String benchmarkName(CellResult m) {
    return m.workload() + "/" + m.implementation() + "/" + m.size() + (m.threads() > 1 ? "/threads=" + m.threads() : "");
  }
}
