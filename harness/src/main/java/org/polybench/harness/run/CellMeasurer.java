package org.polybench.harness.run;

import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.protocol.RunnerOutput;

import org.polybench.harness.protocol.RunnerArgs;

import java.io.IOException;
import java.util.ArrayList;
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
    RunnerArgs args = argsFor(cell, settings, input, language.jit());
    // the JSON names the implementation's language (python/graalpy says "python"), not the runner's
    return measure(
        cell, args, settings, cell.implementation().language(), language.command(project, args), language.workingDir(project), reference);
  }

  /** The runner's flags; {@code jit} runners warm up on the workload's warm-up work as well. */
  public static RunnerArgs argsFor(Cell cell, Settings settings, java.nio.file.Path input, boolean jit) {
    int warmup = jit ? settings.warmupFor(cell.size(), cell.workload().warmupWork()) : settings.warmup();
    return new RunnerArgs(
        cell.workload().name(), cell.implementation().variant(), cell.size(), cell.threads(),
        warmup, settings.iterations(), settings.seed(), input);
  }

  /**
   * Runs {@code command} as the runner of {@code cell} with {@code args}, in {@code
   * settings.invocations()} fresh processes one after the other; tests give it a fake runner. Every
   * invocation must succeed and verify; the samples are pooled.
   */
  public static Measurement measure(
      Cell cell, RunnerArgs args, Settings settings, String languageName, List<String> command, java.nio.file.Path dir,
      Reference reference) {
    int n = Math.max(1, settings.invocations());
    List<RunnerOutput> outs = new ArrayList<>();
    long wall = 0;
    for (int i = 1; i <= n; i++) {
      String which = n == 1 ? "" : "invocation " + i + " of " + n + ": ";
      ProcessOutcome outcome;
      try {
        outcome = ProcessExecutor.execute(command, dir, settings.timeout());
      } catch (IOException e) {
        return unmeasured(cell, Status.FAILED, which + "could not start the runner: " + e.getMessage(), command, null, null);
      }
      wall += outcome.wallNs();
      if (outcome.timedOut()) {
        return unmeasured(
            cell, Status.FAILED,
            which + "timed out after " + settings.timeout().toSeconds() + " s and was killed: raise --timeout or use smaller --sizes",
            command, null, wall);
      }
      int exit = outcome.exitCode();
      if (exit == 3) {
        return unmeasured(cell, Status.UNAVAILABLE, "unavailable here: " + outcome.stderrTail(), command, exit, wall);
      }
      if (exit != 0) {
        String what = exit == 2 ? "runner rejected its arguments (a harness/runner mismatch)" : "runner failed with exit code " + exit;
        return unmeasured(cell, Status.FAILED, which + what + ": " + outcome.stderrTail(), command, exit, wall);
      }
      try {
        outs.add(RunnerOutput.parse(outcome.stdout(), languageName, args));
      } catch (RunnerOutput.ProtocolError e) {
        return unmeasured(cell, Status.INVALID, which + "protocol violation: " + e.getMessage(), command, exit, wall);
      }
    }
    String mismatch = null;
    for (int i = 0; i < outs.size() && mismatch == null; i++) {
      String m = reference.mismatch(outs.get(i).checksum(), outs.get(i).checksumKind());
      if (m != null) mismatch = (n == 1 ? "" : "invocation " + (i + 1) + " of " + n + ": ") + m;
    }
    List<Long> warmup = new ArrayList<>();
    List<Long> samples = new ArrayList<>();
    List<Long> medians = new ArrayList<>();
    double drift = 0;
    long rss = 0;
    for (RunnerOutput o : outs) {
      warmup.addAll(o.warmupNs());
      samples.addAll(o.samplesNs());
      medians.add(SampleStats.of(o.samplesNs()).medianNs());
      drift = Math.max(drift, drift(o.samplesNs()));
      rss = Math.max(rss, o.peakRssBytes());
    }
    RunnerOutput first = outs.get(0);
    SampleStats st = SampleStats.of(samples);
    return new Measurement(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        mismatch == null ? Status.OK : Status.INVALID,
        mismatch == null ? null : "wrong answer: " + mismatch,
        warmup, samples,
        st.medianNs(), st.minNs(), st.maxNs(), st.meanNs(), st.stddevNs(), st.ciLowNs(), st.ciHighNs(), st.ciLevel(),
        rss, first.checksum(), first.checksumKind(), reference.checksum(), mismatch == null,
        first.runtime(), first.extra(), wall, 0, command, n, medians, drift == 0 ? null : drift);
  }

  /**
   * Median of the first half of one process's measured samples over the median of its second
   * half: well above 1 when the kernel was still getting faster (a JIT still compiling) while
   * being measured. 0 when there are too few samples to say.
   */
  static double drift(List<Long> samples) {
    int half = samples.size() / 2;
    if (half < 2) return 0;
    long early = SampleStats.of(samples.subList(0, half)).medianNs();
    long late = SampleStats.of(samples.subList(samples.size() - half, samples.size())).medianNs();
    return late == 0 ? 0 : (double) early / late;
  }

  /** A cell that produced no samples: kept in the results with why, never charted. */
  public static Measurement unmeasured(Cell cell, Status status, String error, List<String> command, Integer exit, Long wallNs) {
    return new Measurement(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        status, error, List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
        false, Map.of(), null, wallNs, exit, command);
  }
}
