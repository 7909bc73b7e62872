package org.polybench.harness.claims;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.ReportFormat;

/** The verdict table on the terminal, after the per-workload tables. */
public final class ClaimsConsole implements ReportFormat {
  @Override
  public String name() {
    return "claims";
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, PrintStream console) {
    console.println();
    console.print(VerdictTable.text(VerdictTable.outcomes(run)));
    console.flush();
    return List.of();
  }
}
