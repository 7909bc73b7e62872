package org.polybench.harness.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.plan.Planner;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.report.Reporting;
import org.polybench.harness.run.Orchestrator;
import org.polybench.harness.store.Measurement;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./bench run: measure, verify, save, chart. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Builds what is stale, measures every cell (workload x implementation x size x threads) in a fresh process,",
      "verifies each answer against an independent reference, and writes results.json, summary.md and charts/.",
      "Exit code: 0 all cells ok; 1 a cell failed or gave a wrong answer; 3 some implementation was unavailable."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--workloads", split = ",", paramLabel = "NAME", description = "workloads to run (default: all; see ./bench list)")
  List<String> workloads = new ArrayList<>();

  @Option(names = "--implementations", split = ",", paramLabel = "LANG/VARIANT", description = "e.g. python/numpy,rust/optimized (default: all)")
  List<String> implementations = new ArrayList<>();

  @Option(names = "--languages", split = ",", paramLabel = "LANG", description = "python, rust, java (default: all)")
  List<String> languages = new ArrayList<>();

  @Option(names = "--sizes", split = ",", paramLabel = "N", converter = SizeConverter.class, description = "problem sizes, e.g. 1000,1e6 (default: 1e3..1e7 in decades)")
  List<Long> sizes = new ArrayList<>();

  @Option(names = "--threads", split = ",", paramLabel = "T", description = "thread counts (default: 1)")
  List<Integer> threads = new ArrayList<>();

  @Option(names = "--quick", description = "sizes 1e3, 1e5, 1e6 with fewer iterations: a couple of minutes")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<run-id>, and results/latest points at it)")
  Path out;

  @Option(names = "--seed", paramLabel = "SEED", description = "input seed (default: ${DEFAULT-VALUE})")
  long seed = Settings.DEFAULT_SEED;

  @Option(names = "--warmup", paramLabel = "N", description = {"at least N warm-up iterations per cell (default: 3, quick: 2); smaller sizes get more, so every",
      "cell warms up on >= 2e7 elements of work (JITs need it). Kept in results.json, left out of the statistics."})
  Integer warmup;

  @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per cell (default: 20, quick: 10)")
  Integer iterations;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill a runner after this long (default: 600)")
  Long timeoutSeconds;

  @Option(names = "--no-build", description = "do not build; use what is already built")
  boolean noBuild;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Project project = Project.locate();
    if (!project.looksValid()) {
      throw new UserError("cannot find the repository at " + project.root() + ": run ./bench from the repository");
    }
    Plan plan =
        Planner.expand(
            new PlanRequest(
                workloads, implementations, languages, sizes, threads, quick, seed, warmup, iterations,
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds)));
    PrintStream console = System.out;
    Instant started = Instant.now();
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    boolean defaultOut = out == null;
    Path dir = defaultOut ? uniqueDir(project.resultsDir(), runId) : out.toAbsolutePath();
    if (!defaultOut && Files.exists(dir.resolve(ResultsStore.RESULTS_FILE))) {
      throw new UserError("--out " + out + " already holds a results.json: choose a new folder so no result is overwritten");
    }
    runId = dir.getFileName().toString();
    ResultsStore store = new ResultsStore(dir);

    Orchestrator orchestrator = new Orchestrator(project, console);
    Map<String, Availability> availability = orchestrator.prepare(plan, !noBuild);
    console.printf("run %s: %d cells; each: warm-up >= %d iterations and >= %,d elements of work, then %d measured; seed %d%n  -> %s%n",
        runId, plan.cells().size(), plan.settings().warmup(), plan.settings().warmupWork(), plan.settings().iterations(),
        plan.settings().seed(), dir);
    RunRecord initial =
        new RunRecord(
            RunRecord.SCHEMA_VERSION, runId, started.toString(), null, commandLine(), settingsOf(plan), Map.of(), List.of());
    RunRecord run = orchestrator.run(plan, availability, initial, store);
    if (defaultOut) ResultsStore.linkLatest(project.resultsDir(), dir);

    Reporting.render(run, store, console);
    return exitCode(run, console);
  }

  private static int exitCode(RunRecord run, PrintStream console) {
    long bad = run.measurements().stream().filter(m -> m.status() == Status.FAILED || m.status() == Status.INVALID).count();
    long unavailable = run.measurements().stream().filter(m -> m.status() == Status.UNAVAILABLE).count();
    if (bad > 0) {
      console.printf("%d cell(s) failed or gave a wrong answer: see the errors above and in summary.md.%n", bad);
      return 1;
    }
    if (unavailable > 0) {
      console.printf("%d cell(s) unavailable here: ./bench doctor says what to install.%n", unavailable);
      return 3;
    }
    return 0;
  }

  private Map<String, Object> settingsOf(Plan plan) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("seed", plan.settings().seed());
    s.put("warmup", plan.settings().warmup());
    s.put("warmup_work", plan.settings().warmupWork());
    s.put("iterations", plan.settings().iterations());
    s.put("quick", plan.settings().quick());
    s.put("timeout_seconds", plan.settings().timeout().toSeconds());
    s.put("workloads", plan.cells().stream().map(c -> c.workload().name()).distinct().toList());
    s.put("implementations", plan.cells().stream().map(c -> c.implementation().id()).distinct().toList());
    s.put("sizes", plan.cells().stream().map(c -> c.size()).distinct().toList());
    s.put("threads", plan.cells().stream().map(c -> c.threads()).distinct().toList());
    return s;
  }

  private List<String> commandLine() {
    // originalArgs() is the whole command line, subcommand included
    List<String> cl = new ArrayList<>(List.of("./bench"));
    cl.addAll(spec.commandLine().getParseResult().originalArgs());
    return cl;
  }

  private static Path uniqueDir(Path root, String runId) {
    Path dir = root.resolve(runId);
    for (int i = 2; Files.exists(dir); i++) dir = root.resolve(runId + "-" + i);
    return dir;
  }

  /** Counts per status, for tests and the console. */
  static Map<Status, Long> counts(List<Measurement> ms) {
    Map<Status, Long> c = new LinkedHashMap<>();
    for (Measurement m : ms) c.merge(m.status(), 1L, Long::sum);
    return c;
  }
}
