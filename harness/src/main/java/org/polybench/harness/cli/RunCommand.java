package org.polybench.harness.cli;

import org.polybench.harness.view.Shell;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.polybench.harness.plan.Calibration;
import org.polybench.harness.run.Orchestrator;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunFolder;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./bench run: measure, verify, save, chart. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Measures every cell in fresh processes, verifies each answer, writes results.json, summary.md, charts.",
    description = {
      "Measures, verifies and charts: builds what is stale, measures every cell (workload x implementation x size x",
      "threads) in fresh processes, verifies each answer against an independent reference, and writes results.json,",
      "summary.md and charts/.",
      "Exit code: 0 all cells ok; 1 a cell failed or gave a wrong answer; 3 some implementation was unavailable."
    })
public final class RunCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin SelectionOptions selection = new SelectionOptions();

  @Option(names = "--python", paramLabel = "PATH", description =
      "the interpreter for the Python variants instead of the venv, run with PYTHONPATH=python-workloads, e.g. a "
          + "free-threaded CPython 3.13t+ (/usr/bin/python3.13t): its thread variants then run without the GIL "
          + "(recorded as runtime.gil_enabled). Variants whose libraries it lacks (NumPy, our extension) are reported unavailable.")
  Path python;

  @Option(names = "--free-threaded", description =
      "also run every selected Python variant on the free-threaded CPython that ./bench build --free-threaded made "
          + "(its venv .bench/free-threaded-venv, GIL disabled), as python/<variant>-ft beside the GIL venv's "
          + "python/<variant>, so one run reports both (e.g. python/threads and python/threads-ft)")
  boolean freeThreaded;

  @Option(names = "--corpus", paramLabel = "FILE", description = {
      "tokenize your own text (ASCII, one document per line) instead of the generated corpus, with the generated",
      "vocabulary; runs only tokenize, at one size: the file's byte count. Non-ASCII bytes are an error naming the line."})
  Path corpus;

  @Option(names = "--quick", description = "a short run of every workload: fewer sizes (dot: 1, 100, 1e4, 1e6; normalize: 1e3, 1e6; tokenize: 1e5 bytes; binary-trees: depth 12, 16; parallel: 1e5 plus each implementation's calibrated size, and only the variants the speedup claims compare unless --implementations names others), fewer iterations and processes")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<run-id>, and results/latest points at it)")
  Path out;

  @Option(names = "--no-build", description = "do not build; use what is already built")
  boolean noBuild;

  @Option(names = "--export", split = ",", paramLabel = "FORMAT", description = "also write these exports into the run folder: csv, github-action-benchmark, bencher (as ./bench export)")
  List<String> exports = new ArrayList<>();

  @Option(names = "--history", arity = "0..1", fallbackValue = "", paramLabel = "DB", description = "also append the run to a history (./bench history add): a SQLite file or a jdbc:postgresql:// URL (default: results/history.sqlite)")
  String history;

  @Option(names = "--resume", paramLabel = "RUN_DIR", description = {
      "finish an interrupted run: measure only the cells its results.json lacks, with the settings it was started with",
      "(refused if they would differ now, e.g. another build); give no other option but --no-build"})
  Path resume;

  @Option(names = "--instructions", description = {
      "also count instructions per kernel call under valgrind callgrind for the Rust and CPython cells verified in this run,",
      "into instructions.json (deterministic, for gating CI on noisy runners); Java and GraalPy cells say why they are not counted"})
  boolean instructions;

  @Option(names = "--order", paramLabel = "ORDER", description = {
      "the order of the runner processes: random (default) interleaves the processes of different cells, each round of",
      "one process per cell shuffled with a seed, so a slow spell of the machine falls on every implementation alike;",
      "sequential runs cell after cell, each cell's processes back to back. Recorded as settings.order, the processes'",
      "order in environment.sessions[].processes and each invocation's position"})
  String order = "random";

  @Option(names = "--order-seed", paramLabel = "SEED", converter = SeedConverter.class, description =
      "the seed of --order random's shuffle (default: --seed's), recorded as settings.order_seed")
  Long orderSeed;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** --order and --order-seed as the orchestrator takes them; exit 2 naming the choices for another word. */
  org.polybench.harness.run.Order order(long seed) {
    return switch (order.toLowerCase(java.util.Locale.ROOT)) {
      case "random" -> org.polybench.harness.run.Order.random(orderSeed != null ? orderSeed : seed);
      case "sequential" -> {
        if (orderSeed != null) throw new UserError("--order-seed shuffles --order random: drop it, or drop --order sequential");
        yield org.polybench.harness.run.Order.sequential();
      }
      default -> throw new UserError("--order " + order + ": give random (the default) or sequential");
    };
  }

  @Override
  public Integer call() {
    Project project = Project.locate();
    if (!project.looksValid()) {
      throw new UserError("cannot find the repository at " + project.root() + ": run ./bench from the repository");
    }
    if (resume != null) return resumeRun(project);
    return execute(project, null, null);
  }

  /** --resume RUN_DIR: the recorded command line parsed again, its paths as recorded, into the same folder. */
  private Integer resumeRun(Project project) {
    List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(o -> o.longestName()).filter(n -> !n.equals("--resume") && !n.equals("--no-build")).toList();
    if (!others.isEmpty()) {
      throw new UserError("--resume finishes a run with the settings it was started with: drop " + String.join(", ", others));
    }
    Path dir = UserPaths.resolveNonEmpty(resume, "--resume");
    Path json = dir.resolve(ResultsStore.RESULTS_FILE);
    if (!Files.isRegularFile(json)) {
      throw new UserError("--resume " + resume + ": no " + ResultsStore.RESULTS_FILE + " there; give the folder of an interrupted run");
    }
    RunRecord previous;
    try {
      previous = ResultsStore.load(json);
    } catch (java.io.IOException | RuntimeException e) {
      throw new UserError("--resume " + resume + ": cannot read " + json + ": " + e.getMessage());
    }
    List<String> args = new ArrayList<>(previous.commandLine());
    if (args.size() < 2 || !args.get(1).equals("run")) {
      throw new UserError("--resume " + resume + ": its results.json records no ./bench run command line");
    }
    RunCommand again = new RunCommand();
    picocli.CommandLine cl = new picocli.CommandLine(again);
    try {
      cl.parseArgs(args.subList(2, args.size()).toArray(String[]::new));
    } catch (picocli.CommandLine.ParameterException e) {
      throw new UserError("--resume " + resume + ": its recorded command line no longer parses: " + e.getMessage());
    }
    again.spec = cl.getCommandSpec();
    // paths as the first session resolved them, whatever folder this one is started from
    Object py = previous.settings().get("python");
    Object corp = previous.settings().get("corpus");
    again.python = py == null ? null : Path.of(py.toString());
    again.corpus = corp == null ? null : Path.of(corp.toString());
    again.noBuild = noBuild;
    return again.execute(project, previous, dir);
  }

  private Integer execute(Project project, RunRecord previous, Path resumeDir) {
    if (freeThreaded && python != null) {
      throw new UserError("--free-threaded and --python both choose the interpreter: give one of them");
    }
    if (freeThreaded && !java.nio.file.Files.isExecutable(project.freeThreadedPython())) {
      throw new UserError("--free-threaded: no free-threaded CPython at " + project.freeThreadedPython()
          + ": build it once with ./bench build --free-threaded (or give one with --python PATH)");
    }
    Path interpreter = python == null ? null : checkedPython(UserPaths.resolve(python));
    Path corpusFile = UserPaths.resolve(corpus);
    PrintStream console = System.out;
    Instant started = Instant.now();
    boolean defaultOut = out == null && resumeDir == null;
    Path outDir = resumeDir != null ? resumeDir : UserPaths.resolveNonEmpty(out, "--out");

    PlanRequest request =
        CorpusOption.restrict(corpusFile, selection.request(quick));
    Planner.check(request);
    // a run started before --order existed measured cell after cell: its resumption does too
    org.polybench.harness.run.Order processOrder = previous != null && !previous.settings().containsKey("order")
        ? org.polybench.harness.run.Order.sequential() : order(selection.seed);
    var exportFormats = ExportCommand.resolve(exports);
    RunFolder folder = claim(project, started, outDir, previous != null);
    Path dir = folder.dir();
    String runId = previous != null ? previous.runId() : dir.getFileName().toString();
    ResultsStore store = new ResultsStore(dir);
    RunRecord run;
    Plan fullPlan;
    Instant built; // the runners built and listed: the budget of a run counts from here
    Instant measuring;
    Instant measured;
    java.time.Duration estimated;
    try {
      List<org.polybench.harness.lang.Language> runners = new ArrayList<>();
      if (interpreter != null) runners.add(new PythonLanguage(interpreter));
      if (freeThreaded) runners.add(PythonLanguage.freeThreaded());
      Orchestrator orchestrator = new Orchestrator(project, console, runners);
      // the runners own the catalogue: build them, then ask each what it implements
      Map<String, Availability> availability = orchestrator.prepare(!noBuild);
      built = Instant.now();
      Plan plan = Planner.expand(request, orchestrator.catalogue(availability));
      plan = CorpusOption.apply(corpusFile, plan);
      fullPlan = plan;
      orchestrator.warnUnavailable(plan, availability);
      // the thread sweep's sizes per implementation (plan.Calibration); a resumed run keeps the ones it chose
      var calibrated = Calibration.workloads(plan, !selection.sizes.isEmpty());
      List<Calibration.Result> calibration = calibrated.isEmpty() ? List.of()
          : previous != null ? Calibration.fromSettings(previous.settings().get("calibration"))
          : Calibration.calibrate(plan, calibrated, Calibration.target(plan.settings().quick()),
              orchestrator.calibrationTimer(availability, plan.settings()), console);
      plan = Calibration.apply(plan, calibration);
      java.util.OptionalLong memory = org.polybench.harness.plan.SizeGuard.memAvailable();
      if (memory.isPresent()) org.polybench.harness.plan.SizeGuard.check(plan, memory.getAsLong(), org.polybench.harness.plan.SizeGuard.jvmDefaultHeap());
      Map<String, Object> settings = settingsOf(plan, interpreter, corpusFile);
      if (previous == null || previous.settings().containsKey("order")) {
        settings.put("order", processOrder.kind().json());
        if (processOrder.kind() == org.polybench.harness.run.Order.Kind.RANDOM) {
          settings.put("order_seed", new java.math.BigInteger(Long.toUnsignedString(processOrder.seed())));
        }
      }
      if (!calibration.isEmpty()) settings.put("calibration", Calibration.toSettings(calibration));
      RunRecord initial;
      int planned = plan.cells().size();
      if (previous != null) {
        Resume.checkSame(resumeDir, previous, settings, orchestrator.builds(plan));
        plan = Resume.missing(plan, previous);
        initial = Resume.nextSession(previous, started, planned);
      } else {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("sessions", List.of(Resume.session(started, 0, planned, false)));
        initial = new RunRecord(RunRecord.SCHEMA_VERSION, runId, started.toString(), null, commandLine(), settings, env, List.of());
      }
      console.println(header(runId, plan, previous, dir));
      console.println(processOrder.kind() == org.polybench.harness.run.Order.Kind.RANDOM
          ? "  processes in random order (--order-seed " + Long.toUnsignedString(processOrder.seed()) + "): each cell is saved when its last one ends"
          : "  processes in sequential order: cell after cell");
      org.polybench.harness.plan.Estimate estimate = org.polybench.harness.plan.Estimate.of(plan, earlierRun(project, previous), calibration,
          impl -> org.polybench.harness.lang.Languages.find(impl.runner()).map(org.polybench.harness.lang.Language::jit).orElse(false));
      console.println("  estimated time: " + estimate.describe());
      estimated = estimate.duration();
      measuring = Instant.now();
      try (Interruption hook = Interruption.install(dir, planned)) {
        run = orchestrator.run(plan, availability, initial, store, processOrder);
        hook.finished();
      }
      measured = Instant.now();
      console.println("measured " + plan.cells().size() + " cell" + plural(plan.cells().size()) + " in "
          + org.polybench.harness.plan.Estimate.minutesSeconds(java.time.Duration.between(measuring, measured))
          + " (estimated " + org.polybench.harness.plan.Estimate.minutesSeconds(estimated) + ")");
    } catch (RuntimeException e) {
      if (!Files.exists(dir.resolve(ResultsStore.RESULTS_FILE))) folder.abandon();
      throw e;
    }
    folder.close();
    if (defaultOut) RunFolder.linkLatest(project.resultsDir(), dir);

    Outputs.render(run, store, console);
    for (var e : exportFormats) Outputs.writeExport(e, run, dir, console).forEach(f -> console.println(e.formatName() + ": " + f));
    if (instructions) {
      try {
        org.polybench.harness.instructions.Instructions.countAll(project, fullPlan, run, dir,
            name -> interpreter != null && name.equals("python") ? java.util.Optional.of(new PythonLanguage(interpreter))
                : freeThreaded && name.equals("python-ft") ? java.util.Optional.of(PythonLanguage.freeThreaded())
                : org.polybench.harness.lang.Languages.find(name),
            fullPlan.settings().timeout().toSeconds(), console);
      } catch (java.io.IOException e) {
        console.println("warning: instructions.json could not be written: " + e.getMessage());
      }
    }
    if (history != null) {
      HistoryCommand.add(history.isEmpty() ? HistoryCommand.defaultDb() : history, run, dir, new java.io.PrintWriter(console, true));
    }
    console.println(closingLine(started, built, measuring, measured, Instant.now(), estimated));
    return exitCode(run, console);
  }

  /**
   * The run's last line: its real time after the build, split into the build (the runners built
   * and listed; the Maven build ./bench makes before the JVM starts is not in it), the calibration
   * and plan, the measurement beside its estimate, and the outputs.
   */
  static String closingLine(Instant started, Instant built, Instant measuring, Instant measured, Instant done, java.time.Duration estimated) {
    java.util.function.BiFunction<Instant, Instant, String> span =
        (a, b) -> org.polybench.harness.plan.Estimate.minutesSeconds(java.time.Duration.between(a, b));
    return "finished in " + span.apply(built, done) + " after the build (build and catalogue " + span.apply(started, built)
        + "; calibration and plan " + span.apply(built, measuring) + "; measuring " + span.apply(measuring, measured)
        + ", estimated " + org.polybench.harness.plan.Estimate.minutesSeconds(estimated) + "; outputs " + span.apply(measured, done) + ")";
  }

  /** The run to learn times from: the one being resumed, else results/latest if it reads; else null. */
  private static RunRecord earlierRun(Project project, RunRecord previous) {
    if (previous != null) return previous;
    Path latest = project.resultsDir().resolve("latest").resolve(ResultsStore.RESULTS_FILE);
    try {
      return Files.isRegularFile(latest) ? ResultsStore.load(latest) : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /** The run folder, claimed for this process (store.RunFolder); exit 2 naming the fix when it cannot be. */
  private RunFolder claim(Project project, Instant started, Path outDir, boolean resuming) {
    String shown = resuming ? "--resume " + resume : "--out " + out;
    try {
      if (outDir == null) {
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(started);
        return RunFolder.claimNew(project.resultsDir(), id);
      }
      if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
        throw new UserError(shown + " is a file, not a folder: give a new folder for the run");
      }
      RunFolder f = RunFolder.claim(outDir);
      if (!resuming && Files.exists(outDir.resolve(ResultsStore.RESULTS_FILE))) {
        f.close();
        throw new UserError(shown + " already holds a results.json: choose a new folder so no result is overwritten"
            + " (or finish that run: ./bench run --resume " + Shell.quote(outDir.toString()) + ")");
      }
      return f;
    } catch (RunFolder.InUse e) {
      throw new UserError(e.getMessage() + ": wait for it to finish or give another --out folder");
    } catch (java.nio.file.FileSystemException e) {
      Path where = outDir != null ? outDir : project.resultsDir();
      throw new UserError("cannot write the run folder " + where + " (" + reason(e) + "): give a folder you can write, e.g. --out ~/polybench-run");
    } catch (java.io.IOException e) {
      throw new UserError("cannot create the run folder: " + e.getMessage() + ": give a folder you can write with --out");
    }
  }

  private static String reason(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }

  /**
   * The line before the cells: what each cell's warm-up and measurement is, with the warm-up work
   * of the workloads actually in the plan (only JIT runners get it).
   */
  static String header(String runId, Plan plan, RunRecord previous, Path dir) {
    var st = plan.settings();
    Map<String, List<String>> byWork = new LinkedHashMap<>();
    plan.cells().stream().map(c -> c.workload()).distinct().forEach(w ->
        byWork.computeIfAbsent(String.format("%,d %s", Math.min(st.warmupWork(), w.warmupWork()), w.sizeUnit()), k -> new ArrayList<>()).add(w.name()));
    List<String> work = new ArrayList<>();
    byWork.forEach((k, names) -> work.add(String.join("/", names) + ": " + k));
    int procs = st.invocations();
    String what = previous == null ? "run " + runId : "resuming run " + runId + " (" + previous.measurements().size() + " cells kept)";
    String warm = st.warmupWork() <= 0 || work.isEmpty() ? ""
        : String.format(" (JIT runners: and >= the workload's warm-up work, %s; at most %,d calls)", String.join("; ", work), Settings.MAX_WARMUP);
    return String.format("%s: %d cell%s; each warms up for >= %d call%s%s, then %d measured call%s, in %d fresh process%s; seed %s%n  -> %s",
        what, plan.cells().size(), plural(plan.cells().size()), st.warmup(), plural(st.warmup()), warm, st.iterations(), plural(st.iterations()),
        procs, procs == 1 ? "" : "es", Long.toUnsignedString(st.seed()), dir);
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
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

  private Map<String, Object> settingsOf(Plan plan, Path interpreter, Path corpusFile) {
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
    if (interpreter != null) s.put("python", interpreter.toString());
    if (freeThreaded) s.put("free_threaded_venv", Project.locate().freeThreadedVenv().toString());
    if (corpusFile != null) s.put("corpus", corpusFile.toString());
    return s;
  }

  private List<String> commandLine() {
    // originalArgs() is the whole command line, subcommand included
    List<String> cl = new ArrayList<>(List.of("./bench"));
    cl.addAll(spec.commandLine().getParseResult().originalArgs());
    return cl;
  }

  /** Counts per status, for tests and the console. */
  static Map<Status, Long> counts(List<CellResult> ms) {
    Map<Status, Long> c = new LinkedHashMap<>();
    for (CellResult m : ms) c.merge(m.status(), 1L, Long::sum);
    return c;
  }
}
