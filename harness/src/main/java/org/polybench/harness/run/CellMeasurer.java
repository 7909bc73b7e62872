package org.polybench.harness.run;

import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.protocol.RunnerOutput;

import org.polybench.harness.protocol.RunnerArgs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Language;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.Verification;
import org.polybench.harness.store.Status;
import org.polybench.harness.verify.Reference;

/** Measures one cell in a fresh child process and verifies its answer. */
public final class CellMeasurer {
  private final Project project;

  public CellMeasurer(Project project) {
    this.project = project;
  }

  /** Measures {@code cell}; {@code input} is the workload's --input file, or null. */
  public CellResult measure(Cell cell, Settings settings, Language language, Reference reference, java.nio.file.Path input) {
    RunnerArgs args = argsFor(cell, settings, input, language.jit());
    // the JSON names the implementation's language (python/graalpy says "python"), not the runner's
    return measure(
        cell, args, settings, cell.implementation().language(), language.command(project, args), language.workingDir(project), reference);
  }

  /** The runner's flags; {@code jit} runners warm up on the workload's warm-up work as well. */
  public static RunnerArgs argsFor(Cell cell, Settings settings, java.nio.file.Path input, boolean jit) {
    int warmup = jit ? settings.warmupFor(cell.workload(), cell.size()) : settings.warmup();
    return new RunnerArgs(
        cell.workload().name(), cell.implementation().variant(), cell.size(), cell.threads(),
        warmup, settings.iterations(), settings.seed(), input, settings.warmupTimeMs(jit));
  }

  /**
   * Runs {@code command} as the runner of {@code cell} with {@code args}, in {@code
   * settings.invocations()} fresh processes one after the other; tests give it a fake runner. Every
   * invocation must succeed and verify. Each process is kept as one {@link Invocation}, including
   * the one that failed (the processes before it stay in the result).
   */
  public static CellResult measure(
      Cell cell, RunnerArgs args, Settings settings, String languageName, List<String> command, java.nio.file.Path dir,
      Reference reference) {
    int n = Math.max(1, settings.invocations());
    List<Attempt> done = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Attempt a = invoke(args, settings, languageName, command, dir, i, n);
      if (a.failure() != null) return failed(cell, command, done, a, reference);
      done.add(a);
    }
    return finish(cell, command, done, reference);
  }

  /**
   * One process of a cell: its {@link Invocation} and the runner's output, or, when it failed, the
   * status and error the cell ends with.
   */
  public record Attempt(Invocation invocation, RunnerOutput output, Status failure, String error) {
    Attempt at(int position) {
      return new Attempt(invocation.at(position), output, failure, error);
    }
  }

  /**
   * Starts process {@code i} of {@code n} of a cell and waits for it; its {@code conditions} say the
   * load just before it started and the CPUs it ran on.
   */
  public static Attempt invoke(
      RunnerArgs args, Settings settings, String languageName, List<String> command, java.nio.file.Path dir, int i, int n) {
    String which = n == 1 ? "" : "invocation " + i + " of " + n + ": ";
    Conditions.Start before = Conditions.start();
    ProcessOutcome outcome;
    try {
      outcome = ProcessExecutor.execute(command, dir, settings.timeout());
    } catch (IOException e) {
      return failure(Status.FAILED, which + "could not start the runner: " + e.getMessage(), i, null, null, before, null);
    }
    long wall = outcome.wallNs();
    if (outcome.timedOut()) {
      return failure(
          Status.FAILED,
          which + "timed out after " + settings.timeout().toSeconds() + " s and was killed: raise --timeout or use smaller --sizes",
          i, null, wall, before, outcome);
    }
    int exit = outcome.exitCode();
    if (exit == 3) {
      return failure(Status.UNAVAILABLE, "unavailable here: " + outcome.stderrTail(), i, exit, wall, before, outcome);
    }
    if (exit != 0) {
      String meaning = outcome.exitMeaning();
      String what = exit == 2 ? "runner rejected its arguments (a harness/runner mismatch)"
          : "runner failed with exit code " + exit + (meaning.isEmpty() ? "" : " (" + meaning + ")");
      String tail = outcome.stderrTail().isBlank() ? " and printed nothing on stderr" : ": " + outcome.stderrTail();
      return failure(Status.FAILED, which + what + tail, i, exit, wall, before, outcome);
    }
    RunnerOutput o;
    try {
      o = RunnerOutput.parse(outcome.stdout(), languageName, args);
    } catch (RunnerOutput.ProtocolError e) {
      return failure(Status.INVALID, which + "protocol violation: " + e.getMessage(), i, exit, wall, before, outcome);
    }
    Invocation inv = Invocation.succeeded(
        i, wall, o.warmupNs(), o.samplesNs(), o.peakRssBytes(), o.checksum(), o.checksumKind(), o.runtime(), o.extra());
    return new Attempt(inv.under(Conditions.after(before, outcome.cpus())), o, null, null);
  }

  private static Attempt failure(
      Status status, String error, int i, Integer exit, Long wall, Conditions.Start before, ProcessOutcome outcome) {
    Invocation inv = Invocation.failed(i, exit, wall, error).under(Conditions.after(before, outcome == null ? null : outcome.cpus()));
    return new Attempt(inv, null, status, error);
  }

  /** The cell from all its processes, which succeeded: verified against {@code reference}. */
  public static CellResult finish(Cell cell, List<String> command, List<Attempt> done, Reference reference) {
    int n = done.size();
    String mismatch = null;
    for (int i = 0; i < n && mismatch == null; i++) {
      RunnerOutput o = done.get(i).output();
      String m = reference.mismatch(o.checksum(), o.checksumKind());
      if (m != null) mismatch = (n == 1 ? "" : "invocation " + (i + 1) + " of " + n + ": ") + m;
    }
    RunnerOutput first = done.get(0).output();
    Verification v = new Verification(first.checksum(), first.checksumKind(), reference.checksum(), mismatch == null, mismatch);
    return CellResult.of(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        mismatch == null ? Status.OK : Status.INVALID, mismatch == null ? null : "wrong answer: " + mismatch, command,
        done.stream().map(Attempt::invocation).toList(), v);
  }

  /** The cell as far as it got: the processes that finished, then the one that failed, with why. */
  public static CellResult failed(Cell cell, List<String> command, List<Attempt> done, Attempt failure, Reference reference) {
    List<Invocation> all = new ArrayList<>(done.stream().map(Attempt::invocation).toList());
    all.add(failure.invocation());
    return CellResult.of(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        failure.failure(), failure.error(), command, all, Verification.none(reference == null ? null : reference.checksum()));
  }

  /** A cell that never started a process (e.g. its runner is unavailable): kept with why, never charted. */
  public static CellResult unmeasured(Cell cell, Status status, String error, List<String> command) {
    return CellResult.of(
        cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(), cell.threads(),
        status, error, command, List.of(), Verification.none(null));
  }
}
