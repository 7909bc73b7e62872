package org.polybench.harness.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Language;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.protocol.RunnerArgs;
import org.polybench.harness.protocol.RunnerOutput;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;

/**
 * The fresh-process baselines of a run (docs/runner-protocol.md#--baseline). For a runner whose
 * in-process baseline misses what its runtime grows while it measures ({@link Language#freshBaseline}:
 * the JVM's class loading, JIT and heap set-up), one more process per (implementation, workload,
 * threads) and run, not per cell: the same runner, JVM flags, workload, variant, threads, warm-up
 * and iterations, on the empty input ({@code --size 0 --baseline}). Its peak RSS becomes each of the
 * key's cells' {@code extra.baseline_rss_bytes}; the runner's own in-process figure stays beside it
 * as {@code baseline_rss_in_process_bytes}, and {@code baseline_rss_point} says which one it is.
 */
public final class Baselines {
  /** What a fresh baseline process gave: its peak RSS, or why there is none. */
  record Fresh(Long rssBytes, String error) {}

  /** {@code extra.baseline_rss_point} of a cell whose baseline came from a fresh process. */
  static final String FRESH_POINT = "a fresh process of the same runner, JVM flags, workload, variant and threads in "
      + "--baseline mode: the whole protocol (warm-up, measured and allocation calls) on the empty input, peak RSS at its end";

  private final Project project;
  private final Map<String, Fresh> fresh = new HashMap<>();

  public Baselines(Project project) {
    this.project = project;
  }

  /**
   * {@code m} with the fresh baseline of its key (measured on the key's first cell), or {@code m}
   * itself where the runner keeps its in-process baseline or the workload reads an --input file.
   */
  public CellResult apply(CellResult m, Cell cell, Settings settings, Language language, java.nio.file.Path input) {
    if (!language.freshBaseline() || input != null || m.invocations().stream().noneMatch(i -> i.extra() != null)) return m;
    String key = cell.implementation().id() + "/" + cell.workload().name() + "/" + cell.threads();
    Fresh f = fresh.computeIfAbsent(key, k -> measure(cell, settings, language));
    List<Invocation> inv = new ArrayList<>();
    for (Invocation i : m.invocations()) inv.add(i.extra() == null ? i : with(i, f));
    return m.withInvocations(inv);
  }

  static Invocation with(Invocation i, Fresh f) {
    Map<String, Object> extra = new LinkedHashMap<>(i.extra());
    if (f.rssBytes() == null) {
      extra.put("baseline_fresh_unavailable", f.error());
    } else {
      extra.put("baseline_rss_in_process_bytes", extra.get("baseline_rss_bytes"));
      extra.put("baseline_rss_in_process_point", extra.get("baseline_rss_point"));
      extra.put("baseline_rss_bytes", f.rssBytes());
      extra.put("baseline_rss_point", FRESH_POINT);
    }
    return new Invocation(i.index(), i.exitCode(), i.wallNs(), i.warmupNs(), i.samplesNs(), i.peakRssBytes(), i.checksum(),
        i.checksumKind(), i.runtime(), extra, i.error(), i.position(), i.conditions());
  }

  private Fresh measure(Cell cell, Settings settings, Language language) {
    RunnerArgs cellArgs = CellMeasurer.argsFor(cell, settings, null, language.jit());
    RunnerArgs args = new RunnerArgs(cellArgs.workload(), cellArgs.variant(), 0, cellArgs.threads(),
        baselineWarmup(cell, settings, language.jit()), cellArgs.iterations(), cellArgs.seed(), null);
    List<String> command = new ArrayList<>(language.command(project, args));
    command.add("--baseline");
    return run(command, language.workingDir(project), settings, cell.implementation().language(), args);
  }

  /**
   * The warm-up count of a baseline process: the count a JIT runner gets at a large size ({@link
   * Settings#jitWarmupFloor}), never the count of whichever cell came first. At size 0
   * the runner batches thousands of calls per sample, each boxing its result: with the 5,000
   * warm-up samples of a size-1 cell that was about 200 MB of garbage the JVM grew its heap for
   * (java/scalar dot's baseline 271 MB against a 100 MB peak at 1e6, so -179 bytes per element),
   * where the cells at the largest size, the ones bytes per element are read at, make a few MB.
   */
  static int baselineWarmup(Cell cell, Settings settings, boolean jit) {
    return jit ? settings.jitWarmupFloor(cell.workload()) : settings.warmup();
  }

  /** Runs one baseline process; tests give it a fake runner. */
  static Fresh run(List<String> command, java.nio.file.Path dir, Settings settings, String languageName, RunnerArgs args) {
    ProcessOutcome outcome;
    try {
      outcome = ProcessExecutor.execute(command, dir, settings.timeout());
    } catch (IOException e) {
      return new Fresh(null, "the --baseline process could not start: " + e.getMessage());
    }
    if (outcome.timedOut()) return new Fresh(null, "the --baseline process timed out");
    if (outcome.exitCode() != 0) {
      return new Fresh(null, "the --baseline process exited " + outcome.exitCode() + ": " + outcome.stderrTail());
    }
    try {
      RunnerOutput o = RunnerOutput.parse(outcome.stdout(), languageName, args);
      if (!(o.extra() != null && o.extra().get("baseline_mode") != null)) {
        return new Fresh(null, "the --baseline process did not report extra.baseline_mode (a runner without the mode)");
      }
      return new Fresh(o.peakRssBytes(), null);
    } catch (RunnerOutput.ProtocolError e) {
      return new Fresh(null, "the --baseline process broke the protocol: " + e.getMessage());
    }
  }
}
