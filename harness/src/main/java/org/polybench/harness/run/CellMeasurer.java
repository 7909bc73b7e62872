package org.polybench.harness.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Language;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.stats.SampleStats;
import org.polybench.harness.store.Measurement;
import org.polybench.harness.store.Status;
import org.polybench.harness.verify.Reference;

/** Measures one cell in a fresh child process and verifies its answer. */
public final class CellMeasurer {
  private final Project project;

  public CellMeasurer(Project project) {
    this.project = project;
  }

  /** Measures {@code cell}; {@code input} is the workload's --input file, or null. */
  public Measurement measure(Cell cell, Settings settings, Language language, Reference reference, java.nio.file.Path input) {
    RunnerArgs args = argsFor(cell, settings, input);
    return measure(cell, args, settings, language.name(), language.command(project, args), language.workingDir(project), reference);
  }

  public static RunnerArgs argsFor(Cell cell, Settings settings, java.nio.file.Path input) {
    return new RunnerArgs(
        cell.workload().name(), cell.implementation().variant(), cell.size(), cell.threads(),
        settings.warmupFor(cell.size()), settings.iterations(), settings.seed(), input);
  }

  /** Runs {@code command} as the runner of {@code cell} with {@code args}; tests give it a fake runner. */
  public static Measurement measure(
      Cell cell, RunnerArgs args, Settings settings, String languageName, List<String> command, java.nio.file.Path dir,
      Reference reference) {
    ProcessOutcome outcome;
    try {
      outcome = ProcessExecutor.execute(command, dir, settings.timeout());
    } catch (IOException e) {
      return unmeasured(cell, Status.FAILED, "could not start the runner: " + e.getMessage(), command, null, null);
    }
    if (outcome.timedOut()) {
      return unmeasured(
          cell, Status.FAILED,
          "timed out after " + settings.timeout().toSeconds() + " s and was killed: raise --timeout or use smaller --sizes",
          command, null, outcome.wallNs());
    }
    int exit = outcome.exitCode();
    if (exit == 3) {
      return unmeasured(cell, Status.UNAVAILABLE, "unavailable here: " + outcome.stderrTail(), command, exit, outcome.wallNs());
    }
    if (exit != 0) {
      String what = exit == 2 ? "runner rejected its arguments (a harness/runner mismatch)" : "runner failed with exit code " + exit;
      return unmeasured(cell, Status.FAILED, what + ": " + outcome.stderrTail(), command, exit, outcome.wallNs());
    }
    RunnerOutput out;
    try {
      out = RunnerOutput.parse(outcome.stdout(), languageName, args);
    } catch (RunnerOutput.ProtocolError e) {
      return unmeasured(cell, Status.INVALID, "protocol violation: " + e.getMessage(), command, exit, outcome.wallNs());
    }
    String mismatch = reference.mismatch(out.checksum(), out.checksumKind());
    SampleStats st = SampleStats.of(out.samplesNs());
    return new Measurement(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        mismatch == null ? Status.OK : Status.INVALID,
        mismatch == null ? null : "wrong answer: " + mismatch,
        out.warmupNs(), out.samplesNs(),
        st.medianNs(), st.minNs(), st.maxNs(), st.meanNs(), st.stddevNs(), st.ciLowNs(), st.ciHighNs(), st.ciLevel(),
        out.peakRssBytes(), out.checksum(), out.checksumKind(), reference.checksum(), mismatch == null,
        out.runtime(), out.extra(), outcome.wallNs(), exit, command);
  }

  /** A cell that produced no samples: kept in the results with why, never charted. */
  public static Measurement unmeasured(Cell cell, Status status, String error, List<String> command, Integer exit, Long wallNs) {
    return new Measurement(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        status, error, List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
        false, Map.of(), null, wallNs, exit, command);
  }
}
