package org.polybench.harness.report;

import java.io.PrintStream;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** After a run: charts, summary.md and the console table. (Charts wired once they exist.) */
public final class Reporting {
  private Reporting() {}

  public static void render(RunRecord run, ResultsStore store, PrintStream console) {
    console.println("results: " + store.dir().resolve(ResultsStore.RESULTS_FILE));
  }
}
