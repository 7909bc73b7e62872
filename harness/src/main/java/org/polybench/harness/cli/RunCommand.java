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
import org.polybench.harness.lang.PythonLanguage;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.plan.Planner;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.output.Outputs;
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
      "Measures, verifies and charts: builds what is stale, measures every cell (workload x implementation x size x",
      "threads) in fresh processes, verifies each answer against an independent reference, and writes results.json,",
      "summary.md and charts/.",
      "Exit code: 0 all cells ok; 1 a cell failed or gave a wrong answer; 3 some implementation was unavailable."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--workloads", split = ",", paramLabel = "NAME", description = "workloads to run (default: all; see ./bench list)")
  List<String> workloads = new ArrayList<>();

  @Option(names = "--implementations", split = ",", paramLabel = "LANG/VARIANT", description = "e.g. python/numpy,rust/optimized (default: all)")
  List<String> implementations = new ArrayList<>();

  @Option(names = "--languages", split = ",", paramLabel = "LANG", description = "python, rust, java (default: all)")
  List<String> languages = new ArrayList<>();

  @Option(names = "--sizes", split = ",", paramLabel = "N", converter = SizeConverter.class, description = "problem sizes, e.g. 1000,1e6 (default: each workload's; dot, normalize: 1e3..1e7 in decades; parallel: 1e4..1e7)")
  List<Long> sizes = new ArrayList<>();

  @Option(names = "--threads", split = ",", paramLabel = "T", description =
      "thread counts for threaded workloads (parallel), e.g. 1,2,4; more than the cores is allowed (oversubscription). "
          + "Default: 1, powers of two below the logical core count, and that count (1,2 on 2 cores). "
          + "Single-threaded workloads (dot, normalize) always run at 1 thread, whatever --threads says.")
  List<Integer> threads = new ArrayList<>();

  @Option(names = "--python", paramLabel = "PATH", description =
      "the interpreter for the Python variants instead of the venv, run with PYTHONPATH=python-workloads, e.g. a "
          + "free-threaded CPython 3.13t+ (/usr/bin/python3.13t): its thread variants then run without the GIL "
          + "(recorded as runtime.gil_enabled). Variants whose libraries it lacks (NumPy, our extension) are reported unavailable.")
  Path python;

  @Option(names = "--corpus", paramLabel = "FILE", description = {
      "tokenize your own text (ASCII, one document per line) instead of the generated corpus, with the generated",
      "vocabulary; runs only tokenize, at one size: the file's byte count. Non-ASCII bytes are an error naming the line."})
  Path corpus;

  @Option(names = "--quick", description = "each workload's quick sizes (dot, normalize: 1e3, 1e5, 1e6; parallel: 1e5, 1e6, 4e6) with fewer iterations")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<run-id>, and results/latest points at it)")
  Path out;

  @Option(names = "--seed", paramLabel = "SEED", converter = SeedConverter.class, description = "input seed, unsigned 64-bit (default: ${DEFAULT-VALUE})")
  long seed = Settings.DEFAULT_SEED;

  @Option(names = "--warmup", paramLabel = "N", description = {"at least N warm-up iterations per cell (default: 3, quick: 2); smaller sizes get more, so every",
      "cell warms up on >= 2e7 elements of work (JITs need it; parallel: 1e6). Kept in results.json, left out of the statistics."})
  Integer warmup;

  @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per cell (default: 20, quick: 10)")
  Integer iterations;

  @Option(names = "--invocations", paramLabel = "N", description = {
      "fresh processes per cell, samples pooled (default: 3, quick: 2); their medians are kept apart",
      "in results.json so process-to-process differences (a JIT settling differently) show."})
  Integer invocations;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill a runner after this long (default: 600)")
  Long timeoutSeconds;

  @Option(names = "--no-build", description = "do not build; use what is already built")
  boolean noBuild;

  @Option(names = "--export", split = ",", paramLabel = "FORMAT", description = "also write these exports into the run folder: csv, github-action-benchmark, bencher (as ./bench export)")
  List<String> exports = new ArrayList<>();

  @Option(names = "--history", arity = "0..1", fallbackValue = "", paramLabel = "DB", description = "also append the run to a history (./bench history add): a SQLite file or a jdbc:postgresql:// URL (default: results/history.sqlite)")
  String history;

  @Option(names = "--instructions", description = {
      "also count instructions per kernel call under valgrind callgrind for the Rust and CPython cells verified in this run,",
      "into instructions.json (deterministic, for gating CI on noisy runners); Java and GraalPy cells say why they are not counted"})
  boolean instructions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Project project = Project.locate();
    if (!project.looksValid()) {
      throw new UserError("cannot find the repository at " + project.root() + ": run ./bench from the repository");
    }
    Path interpreter = python == null ? null : checkedPython(python);
    PrintStream console = System.out;
    Instant started = Instant.now();
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    boolean defaultOut = out == null;
    Path dir = defaultOut ? uniqueDir(project.resultsDir(), runId) : out.toAbsolutePath();
    if (!defaultOut && Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError("--out " + out + " is a file, not a folder: give a new folder for the run");
    }
    if (!defaultOut && Files.exists(dir.resolve(ResultsStore.RESULTS_FILE))) {
      throw new UserError("--out " + out + " already holds a results.json: choose a new folder so no result is overwritten");
    }
    runId = dir.getFileName().toString();
    ResultsStore store = new ResultsStore(dir);

    PlanRequest request =
        CorpusOption.restrict(corpus, new PlanRequest(
            workloads, implementations, languages, sizes, threads, quick, seed, warmup, iterations,
            timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), invocations));
    Planner.check(request);
    var exportFormats = ExportCommand.resolve(exports);
    Orchestrator orchestrator =
        new Orchestrator(project, console, interpreter == null ? List.of() : List.of(new PythonLanguage(interpreter)));
    // the runners own the catalogue: build them, then ask each what it implements
    Map<String, Availability> availability = orchestrator.prepare(!noBuild);
    Plan plan = Planner.expand(request, orchestrator.catalogue(availability));
    plan = CorpusOption.apply(corpus, plan);
    orchestrator.warnUnavailable(plan, availability);
    console.printf(
        "run %s: %d cells; each warms up for >= %d calls and >= its workload's warm-up work (%,d elements for dot/normalize;"
            + " at most %,d calls), then %d measured calls, in %d fresh processes; seed %s%n  -> %s%n",
        runId, plan.cells().size(), plan.settings().warmup(), plan.settings().warmupWork(), Settings.MAX_WARMUP,
        plan.settings().iterations(), plan.settings().invocations(), Long.toUnsignedString(plan.settings().seed()), dir);
    RunRecord initial =
        new RunRecord(
            RunRecord.SCHEMA_VERSION, runId, started.toString(), null, commandLine(), settingsOf(plan), Map.of(), List.of());
    RunRecord run = orchestrator.run(plan, availability, initial, store);
    if (defaultOut) ResultsStore.linkLatest(project.resultsDir(), dir);

    Outputs.render(run, store, console);
    for (var e : exportFormats) Outputs.writeExport(e, run, dir, console).forEach(f -> console.println(e.formatName() + ": " + f));
    if (instructions) {
      try {
        org.polybench.harness.instructions.Instructions.countAll(project, plan, run, dir,
            name -> interpreter != null && name.equals("python") ? java.util.Optional.of(new PythonLanguage(interpreter))
                : org.polybench.harness.lang.Languages.find(name),
            plan.settings().timeout().toSeconds(), console);
      } catch (java.io.IOException e) {
        console.println("warning: instructions.json could not be written: " + e.getMessage());
      }
    }
    if (history != null) {
      HistoryCommand.add(history.isEmpty() ? HistoryCommand.defaultDb() : history, run, dir, new java.io.PrintWriter(console, true));
    }
    return exitCode(run, console);
  }

  /**
   * The --python interpreter if it exists and runs as CPython 3.11+, else a UserError (exit 2)
   * naming the fix. A GIL build is accepted: the runs record runtime.gil_enabled true.
   */
  static Path checkedPython(Path python) {
    String fix = "give the path of a CPython 3.11+ executable, e.g. --python /usr/bin/python3.13t for a free-threaded "
        + "build (or leave --python out to use the project's venv)";
    if (!Files.exists(python)) {
      throw new UserError("--python " + python + ": no such file; " + fix);
    }
    var info = PythonLanguage.probe(python);
    if (info.isEmpty()) {
      throw new UserError("--python " + python + " does not run as a Python interpreter; " + fix);
    }
    String version = String.valueOf(info.get().get("version"));
    String[] parts = version.split("\\.");
    boolean recent;
    try {
      recent = Integer.parseInt(parts[0]) > 3 || Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= 11;
    } catch (RuntimeException e) {
      recent = false;
    }
    if (!recent) {
      throw new UserError("--python " + python + " is Python " + version + ", but polybench needs 3.11 or newer; " + fix);
    }
    return python;
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
    s.put("seed", new java.math.BigInteger(Long.toUnsignedString(plan.settings().seed())));
    s.put("warmup", plan.settings().warmup());
    s.put("warmup_work", plan.settings().warmupWork());
    s.put("iterations", plan.settings().iterations());
    s.put("invocations", plan.settings().invocations());
    s.put("quick", plan.settings().quick());
    s.put("timeout_seconds", plan.settings().timeout().toSeconds());
    s.put("workloads", plan.cells().stream().map(c -> c.workload().name()).distinct().toList());
    s.put("implementations", plan.cells().stream().map(c -> c.implementation().id()).distinct().toList());
    s.put("sizes", plan.cells().stream().map(c -> c.size()).distinct().toList());
    s.put("threads", plan.cells().stream().map(c -> c.threads()).distinct().toList());
    if (python != null) s.put("python", python.toAbsolutePath().normalize().toString());
    if (corpus != null) s.put("corpus", corpus.toAbsolutePath().normalize().toString());
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
