package org.polybench.harness.cli;

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
import org.polybench.harness.crosscheck.CrossCheck;
import org.polybench.harness.crosscheck.CrossCheckFile;
import org.polybench.harness.crosscheck.CrossCheckRow;
import org.polybench.harness.crosscheck.CrossCheckTable;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.plan.Planner;
import org.polybench.harness.report.SummaryMarkdown;
import org.polybench.harness.run.EnvironmentProbe;
import org.polybench.harness.run.Orchestrator;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunFolder;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ./bench crosscheck: the harness against each language's own benchmarking tool, cell by cell. */
@Command(
    name = "crosscheck",
    mixinStandardHelpOptions = true,
    header = "Measures cells with the harness and with JMH, pyperf, criterion or hyperfine, interleaved, and says where they agree.",
    description = {
      "Measures each chosen cell with the harness (as ./bench run does, one fresh process per round) and with its "
          + "language's own benchmarking tool (JMH for java/*, pyperf for CPython python/*, criterion for rust/*; hyperfine "
          + "for the startup workload's whole processes, installed pinned into .bench/tools on first use), on the same seeded "
          + "input, in rounds of one harness process and one referee run (harness first in odd rounds, referee first in even "
          + "ones). --invocations sets the rounds per cell (default here: 5, with --quick too).",
      "Writes results.json (the harness side), crosscheck.json and summary.md into a run folder and prints per cell: "
          + "harness median, referee median, their ratio with a 95%% CI (a paired bootstrap over the rounds), and whether "
          + "they agree (the CI within [0.95, 1.05]).",
      "--quick without a selection measures the default set: dot and normalize at 1e6 for java/scalar, java/vector, "
          + "python/pure, python/numpy, rust/naive, rust/optimized, tokenize at 1e5 bytes for python/pure, rust/native, "
          + "java/native, and startup for python/bare, rust/empty, java/empty-main.",
      "Exit code: 0 every cell measured on both sides (agreeing or not); 1 some cell could not be measured on one side."
    })
public final class CrossCheckCommand implements Callable<Integer> {
  @Mixin SelectionOptions selection = new SelectionOptions();

  @Option(names = "--quick", description = "the default set (unless a selection is given), short referee runs, and the harness's quick settings")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<run-id>-crosscheck; results/latest is left alone)")
  Path out;

  @Option(names = "--no-build", description = "do not build; use what is already built")
  boolean noBuild;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The --quick default set (issue 9's "Done means"). */
  static final List<String> QUICK_VECTOR_IMPLEMENTATIONS =
      List.of("java/scalar", "java/vector", "python/pure", "python/numpy", "rust/naive", "rust/optimized");
  static final List<String> QUICK_TOKENIZE_IMPLEMENTATIONS = List.of("python/pure", "rust/native", "java/native");
  static final List<String> QUICK_STARTUP_IMPLEMENTATIONS = List.of("python/bare", "rust/empty", "java/empty-main");
  static final long QUICK_VECTOR_SIZE = 1_000_000;
  static final long QUICK_TOKENIZE_SIZE = 100_000;

  /**
   * Rounds of a cell unless --invocations says: 5, quick or not. With run's 2 (quick) the interval
   * spanned whichever two processes each side had, and processes of one cell differ by 10-60% on
   * this 2-vCPU machine (rust/native tokenize: 0.93-1.62 ms in six processes in a row), so only 2
   * of 18 agreed; with 5 the ratios' point estimates came within 3% of 1 for 14 of 18 cells (3 agreed).
   */
  static final int ROUNDS = 5;

  @Override
  public Integer call() throws Exception {
    Project project = Project.locate();
    if (!project.looksValid()) {
      throw new UserError("cannot find the repository at " + project.root() + ": run ./bench from the repository");
    }
    List<PlanRequest> requests = requests();
    requests.forEach(Planner::check);
    PrintStream console = System.out;
    Instant started = Instant.now();
    Orchestrator orchestrator = new Orchestrator(project, console);
    var availability = orchestrator.prepare(!noBuild);
    Implementations catalogue = orchestrator.catalogue(availability);
    List<Cell> cells = new ArrayList<>();
    Plan first = null;
    for (PlanRequest r : requests) {
      Plan p = Planner.expand(r, catalogue);
      if (first == null) first = p;
      cells.addAll(p.cells());
    }
    Plan plan = new Plan(List.copyOf(cells), first.settings());
    orchestrator.warnUnavailable(plan, availability);

    Path dir;
    RunFolder folder = claim(project, started);
    dir = folder.dir();
    Map<String, Object> settings = settings(plan);
    String runId = dir.getFileName().toString();
    List<String> cl = new ArrayList<>(List.of("./bench"));
    cl.addAll(spec.commandLine().getParseResult().originalArgs());
    var langs = plan.languages().stream().map(n -> Languages.find(n).orElseThrow()).toList();
    RunRecord run = new RunRecord(RunRecord.SCHEMA_VERSION, runId, started.toString(), null, cl, settings,
        EnvironmentProbe.capture(project, langs), List.of());
    var st = plan.settings();
    console.printf("crosscheck %s: %d cell%s, each %d round%s of (harness process: >= %d warm-up + %d measured calls; referee run); seed %s%n  -> %s%n",
        runId, plan.cells().size(), plan.cells().size() == 1 ? "" : "s", st.invocations(), st.invocations() == 1 ? "" : "s",
        st.warmup(), st.iterations(), Long.toUnsignedString(st.seed()), dir);
    ResultsStore store = new ResultsStore(dir);
    CrossCheck.Result result;
    try {
      result = new CrossCheck(project, console, dir, settings).run(plan, availability, run, store);
    } finally {
      folder.close();
    }
    run = result.run().finished(Instant.now().toString());
    store.save(run);
    SummaryMarkdown.write(run, dir, List.of());
    List<CrossCheckRow> rows = result.rows();
    console.println();
    console.print(CrossCheckTable.console(rows));
    long measured = rows.stream().filter(r -> "ok".equals(r.status())).count();
    long agree = rows.stream().filter(r -> Boolean.TRUE.equals(r.agrees())).count();
    console.printf("%d of %d cells measured on both sides agree (ratio's 95%% CI within [0.95, 1.05]).%n", agree, measured);
    console.println("crosscheck: " + dir.resolve(CrossCheckFile.FILE_NAME));
    console.println("summary: " + dir.resolve(SummaryMarkdown.FILE_NAME));
    return measured == rows.size() ? 0 : 1;
  }

  /** The requests: the selection flags, or with --quick and no selection the default set. */
  List<PlanRequest> requests() {
    PlanRequest flags = selection.request(quick);
    PlanRequest asked = flags.invocations() != null ? flags : flags.withInvocations(ROUNDS);
    if (!quick || !selection.choosesNothing()) return List.of(asked);
    return List.of(
        with(asked, List.of("dot", "normalize"), QUICK_VECTOR_IMPLEMENTATIONS, QUICK_VECTOR_SIZE),
        with(asked, List.of("tokenize"), QUICK_TOKENIZE_IMPLEMENTATIONS, QUICK_TOKENIZE_SIZE),
        with(asked, List.of("startup"), QUICK_STARTUP_IMPLEMENTATIONS, 1));
  }

  private static PlanRequest with(PlanRequest r, List<String> workloads, List<String> impls, long size) {
    return new PlanRequest(workloads, impls, List.of(), List.of(size), r.threads(), r.quick(), r.seed(), r.warmup(), r.iterations(),
        r.timeout(), r.invocations());
  }

  private RunFolder claim(Project project, Instant started) {
    try {
      if (out == null) {
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(started) + "-crosscheck";
        return RunFolder.claimNew(project.resultsDir(), id);
      }
      Path outDir = UserPaths.resolveNonEmpty(out, "--out");
      if (Files.exists(outDir.resolve(ResultsStore.RESULTS_FILE)) || Files.exists(outDir.resolve(CrossCheckFile.FILE_NAME))) {
        throw new UserError("--out " + out + " already holds a run: choose a new folder so no result is overwritten");
      }
      return RunFolder.claim(outDir);
    } catch (RunFolder.InUse e) {
      throw new UserError(e.getMessage() + ": wait for it to finish or give another --out folder");
    } catch (java.io.IOException e) {
      throw new UserError("cannot create the run folder: " + e.getMessage() + ": give a folder you can write with --out");
    }
  }

  private static Map<String, Object> settings(Plan plan) {
    var st = plan.settings();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", "crosscheck");
    s.put("seed", new java.math.BigInteger(Long.toUnsignedString(st.seed())));
    s.put("warmup", st.warmup());
    s.put("warmup_work", st.warmupWork());
    s.put("iterations", st.iterations());
    s.put("invocations", st.invocations());
    s.put("rounds", st.invocations());
    s.put("quick", st.quick());
    s.put("timeout_seconds", st.timeout().toSeconds());
    s.put("workloads", plan.cells().stream().map(c -> c.workload().name()).distinct().toList());
    s.put("implementations", plan.cells().stream().map(c -> c.implementation().id()).distinct().toList());
    s.put("sizes", plan.cells().stream().map(Cell::size).distinct().toList());
    s.put("threads", plan.cells().stream().map(Cell::threads).distinct().toList());
    return s;
  }
}
