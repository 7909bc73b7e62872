package org.polybench.harness.view;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.polybench.harness.store.RunRecord;

/**
 * One output of a run, drawn from results.json alone: the console table, summary.md, the charts,
 * and the formats to come. A new format is one class implementing this plus one line in
 * {@code output.Outputs}, which runs them in order, each isolated: a format that fails or hangs
 * costs its own output, never a result nor the others'.
 */
public interface ReportFormat {
  /** The name it is reported under, e.g. {@code summary.md}. */
  String name();

  /**
   * Writes this format's output of {@code run}.
   *
   * @param runDir the run's folder (results.json is there, complete)
   * @param earlier the files the formats before this one wrote (summary.md links the charts)
   * @param console the terminal, for formats that print
   * @return the files written, none for a format that only prints
   */
  List<Path> write(RunRecord run, Path runDir, List<Path> earlier, PrintStream console) throws IOException;

  /** How long it may take before it is abandoned as hung. */
  default Duration timeout() {
    return Duration.ofSeconds(60);
  }
}
