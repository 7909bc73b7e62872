package org.polybench.harness.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** After a run: charts, summary.md and the console table. A drawing failure never loses results. */
public final class Reporting {
  private Reporting() {}

  public static void render(RunRecord run, ResultsStore store, PrintStream console) {
    List<Path> charts = List.of();
    try {
      charts = Charts.renderAll(run, store.chartsDir());
    } catch (IOException | RuntimeException e) {
      console.println("warning: charts could not be drawn (" + e + "); results.json is complete");
    }
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
}
