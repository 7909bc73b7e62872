package org.polybench.harness.output;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.export.BencherExport;
import org.polybench.harness.export.CsvExport;
import org.polybench.harness.export.FileExport;
import org.polybench.harness.export.GithubActionBenchmarkExport;
import org.polybench.harness.claims.ClaimsConsole;
import org.polybench.harness.html.HtmlReport;
import org.polybench.harness.report.ConsoleSummary;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.ReportFormat;

/**
 * The registry of output formats, one line each, in the order they are written: after a run and
 * by ./bench report. results.json is already complete when they run, so a format that throws (or
 * a library that never returns) costs its own output, never a result, and never hangs the run.
 */
public final class Outputs {
  private static final List<ReportFormat> ALL =
      List.of(
          new Charts(),
          new SummaryMarkdown(),
          new ConsoleSummary(),
          new HtmlReport(),
          new ClaimsConsole());

  /**
   * The exports, for other tools (CI dashboards, spreadsheets): written on demand by ./bench export
   * and ./bench run --export, one line each.
   */
  private static final List<FileExport> EXPORTS =
      List.of(
          new CsvExport(),
          new GithubActionBenchmarkExport(),
          new BencherExport());

  private Outputs() {}

  public static List<FileExport> exports() {
    return EXPORTS;
  }

  /** The export of a --format name, or empty. */
  public static java.util.Optional<FileExport> export(String formatName) {
    return EXPORTS.stream().filter(e -> e.formatName().equals(formatName)).findFirst();
  }

  /** The names of the exports, for messages: "csv, github-action-benchmark, bencher". */
  public static String exportNames() {
    return String.join(", ", EXPORTS.stream().map(FileExport::formatName).toList());
  }

  /** Writes one export of {@code run} into {@code dir}, isolated like the other formats; the file, or none. */
  public static List<Path> writeExport(FileExport e, RunRecord run, Path dir, PrintStream console) {
    return write(e, run, dir, List.of(), console);
  }

  public static List<ReportFormat> all() {
    return ALL;
  }

  /** Writes every format of {@code run} into {@code store}'s folder, then says where they are. */
  public static void render(RunRecord run, ResultsStore store, PrintStream console) {
    List<Path> written = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (ReportFormat f : ALL) {
      List<Path> files = write(f, run, store.dir(), List.copyOf(written), console);
      written.addAll(files);
      if (files.size() == 1) where.add(f.name() + ": " + files.get(0));
      else if (!files.isEmpty()) where.add(f.name() + ": " + files.get(0).getParent() + " (" + files.size() + " files)");
    }
    console.println();
    console.println("results: " + store.dir().resolve(ResultsStore.RESULTS_FILE));
    where.forEach(console::println);
  }

  private static List<Path> write(ReportFormat f, RunRecord run, Path dir, List<Path> earlier, PrintStream console) {
    FutureTask<List<Path>> task = new FutureTask<>(() -> f.write(run, dir, earlier, console));
    Thread worker = Thread.ofPlatform().daemon().name("output-" + f.name()).start(task);
    try {
      return task.get(f.timeout().toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      console.println("warning: " + f.name() + " took over " + f.timeout().toSeconds()
          + " s and was abandoned (a bug: please report it); results.json and the other outputs are complete");
    } catch (ExecutionException e) {
      console.println("warning: " + f.name() + " could not be written (" + e.getCause() + "); results.json is complete");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }
}
