package org.polybench.harness.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/**
 * After a run: charts, summary.md and the console table. results.json is already complete here,
 * so a drawing failure (or a charting library that never returns) costs the pictures, never a
 * result, and never leaves the run hanging.
 */
public final class Reporting {
  static final long CHART_TIMEOUT_SECONDS = 180;

  private Reporting() {}

  public static void render(RunRecord run, ResultsStore store, PrintStream console) {
    List<Path> charts = drawCharts(run, store, console);
    Path summary = null;
    try {
      summary = SummaryMarkdown.write(run, store.dir(), charts);
    } catch (IOException | RuntimeException e) {
      console.println("warning: summary.md could not be written (" + e + "); results.json is complete");
    }
    console.println();
    ConsoleSummary.print(run, console);
    console.println();
    console.println("results: " + store.dir().resolve(ResultsStore.RESULTS_FILE));
    if (summary != null) console.println("summary: " + summary);
    if (!charts.isEmpty()) console.println("charts:  " + store.chartsDir() + " (" + charts.size() + " files)");
  }

  private static List<Path> drawCharts(RunRecord run, ResultsStore store, PrintStream console) {
    FutureTask<List<Path>> task = new FutureTask<>(() -> Charts.renderAll(run, store.chartsDir()));
    Thread drawer = Thread.ofPlatform().daemon().name("charts").start(task);
    try {
      return task.get(CHART_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      drawer.interrupt();
      console.println("warning: drawing the charts took over " + CHART_TIMEOUT_SECONDS
          + " s and was abandoned (a charting bug: please report it); results.json and summary.md are complete");
    } catch (ExecutionException e) {
      console.println("warning: charts could not be drawn (" + e.getCause() + "); results.json is complete");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }
}
