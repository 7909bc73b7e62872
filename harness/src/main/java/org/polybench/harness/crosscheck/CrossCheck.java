package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.build.Tools;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.protocol.ProcessOutcome;
import org.polybench.harness.run.CellMeasurer;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import org.polybench.harness.verify.Reference;

/**
 * Measures each cell with the harness and with its referee, interleaved in {@code
 * settings.invocations()} rounds of one harness process and one referee run, the harness first in
 * odd rounds and second in even ones (harness, referee, referee, harness, ...), so a slow period of
 * the machine, or a drift through the cell, falls on both sides alike. The harness side is exactly ./bench run's measurement
 * (run.CellMeasurer, one fresh process per round, verified); its cells go into results.json, the
 * rows into crosscheck.json, both saved after every cell.
 */
public final class CrossCheck {
  private final Project project;
  private final PrintStream out;
  private final Path runDir;
  private final Map<String, Object> settingsJson;

  public CrossCheck(Project project, PrintStream out, Path runDir, Map<String, Object> settingsJson) {
    this.project = project;
    this.out = out;
    this.runDir = runDir;
    this.settingsJson = settingsJson;
  }

  /** The rows, one per cell of {@code plan}; {@code run} grows by the harness's cells in {@code store}. */
  public Result run(Plan plan, Map<String, Availability> availability, RunRecord run, ResultsStore store) throws IOException {
    Settings all = plan.settings();
    Settings one = new Settings(all.seed(), all.warmup(), all.iterations(), all.quick(), all.timeout(), all.warmupWork(), 1);
    int rounds = Math.max(1, all.invocations());
    String criterionProblem = plan.cells().stream().anyMatch(c -> c.implementation().runner().equals("rust")) ? buildCriterion() : null;
    String hyperfineProblem = plan.cells().stream().anyMatch(c -> c.implementation().runner().equals("startup"))
        ? HyperfineReferee.install(project, out) : null;
    List<CrossCheckRow> rows = new ArrayList<>();
    store.save(run);
    int i = 0;
    for (Cell cell : plan.cells()) {
      i++;
      out.printf("[%d/%d] %-40s ", i, plan.cells().size(), cell.label());
      out.flush();
      CrossCheckRow row;
      var referee = Referees.of(cell);
      String refusal = referee.isEmpty() ? "no referee for runner " + cell.implementation().runner() : referee.get().refuses(cell);
      Availability a = availability.get(cell.implementation().runner());
      String tool = referee.map(Referee::tool).orElse(null);
      if (refusal != null) {
        row = notMeasured(cell, tool, "no-referee", refusal);
      } else if (a == null || !a.available() || a.variantReason(cell.implementation().variant()) != null) {
        row = notMeasured(cell, tool, "unavailable", a == null ? "runner unknown" : !a.available() ? a.reason() : a.variantReason(cell.implementation().variant()));
      } else if (tool.equals("criterion") && criterionProblem != null) {
        row = notMeasured(cell, tool, "referee-failed", criterionProblem);
      } else if (tool.equals("hyperfine") && hyperfineProblem != null) {
        row = notMeasured(cell, tool, "referee-failed", hyperfineProblem);
      } else {
        Measured m = measure(cell, referee.get(), one, rounds);
        row = m.row();
        if (m.harness() != null) {
          run = run.withMeasurement(m.harness());
          store.save(run);
        }
      }
      if (ProcessExecutor.shuttingDown()) break;
      rows.add(row);
      CrossCheckFile.write(runDir, settingsJson, rows);
      out.println("ok".equals(row.status())
          ? String.format(java.util.Locale.ROOT, "ratio %s  %s", CrossCheckTable.ratio(row), row.agrees() ? "agree" : "DISAGREE")
          : row.status() + ": " + row.error());
    }
    return new Result(rows, run);
  }

  /** The rows and the run with the harness's cells. */
  public record Result(List<CrossCheckRow> rows, RunRecord run) {}

  private record Measured(CrossCheckRow row, CellResult harness) {}

  private Measured measure(Cell cell, Referee referee, Settings one, int rounds) throws IOException {
    Path input;
    Reference reference;
    try {
      input = cell.workload().input(cell.size(), one.seed(), project.dataDir());
      reference = cell.workload().reference(cell.size(), one.seed(), input);
    } catch (IOException | RuntimeException e) {
      return new Measured(notMeasured(cell, referee.tool(), "failed", "could not prepare the input or reference: " + e.getMessage()), null);
    }
    Path cellDir = runDir.resolve("referee").resolve(cell.workload().name() + "-" + cell.implementation().id().replace('/', '-') + "-" + cell.size());
    Rounds state = new Rounds(cell, referee, one, input, reference, cellDir);
    for (int r = 1; r <= rounds; r++) {
      // counterbalanced: odd rounds harness first, even rounds referee first, so a machine that
      // speeds up or slows down through the cell favours neither side
      boolean harnessFirst = r % 2 == 1;
      Measured failed = harnessFirst ? state.harness(r) : state.referee(r);
      if (failed == null) failed = harnessFirst ? state.referee(r) : state.harness(r);
      if (failed != null) return failed;
      out.print(" ");
      out.flush();
    }
    CellResult harness = state.combined();
    List<List<Long>> samples = state.invocations.stream().map(Invocation::samplesNs).toList();
    return new Measured(CrossCheckRow.measured(cell.workload().name(), cell.implementation().id(), cell.size(), referee.tool(),
        samples, state.refereeRuns, state.commands), harness);
  }

  /** One cell's rounds so far: the harness's invocations and the referee's runs, in round order. */
  private final class Rounds {
    private final Cell cell;
    private final Referee referee;
    private final Settings one;
    private final Path input;
    private final Reference reference;
    private final Path cellDir;
    private final Language lang;
    private final CellMeasurer measurer = new CellMeasurer(project);
    final List<Invocation> invocations = new ArrayList<>();
    final List<RefereeResult> refereeRuns = new ArrayList<>();
    final List<List<String>> commands = new ArrayList<>();
    private CellResult first;

    Rounds(Cell cell, Referee referee, Settings one, Path input, Reference reference, Path cellDir) {
      this.cell = cell;
      this.referee = referee;
      this.one = one;
      this.input = input;
      this.reference = reference;
      this.cellDir = cellDir;
      this.lang = Languages.find(cell.implementation().runner()).orElseThrow();
    }

    /** Round {@code r}'s harness process; null when it measured, else the cell's outcome. */
    Measured harness(int r) {
      out.print("h");
      out.flush();
      CellResult h = measurer.measure(cell, one, lang, reference, input);
      if (h.status() != Status.OK) {
        String why = "harness round " + r + ": " + h.error();
        return new Measured(notMeasured(cell, referee.tool(), h.status().json(), why), h);
      }
      if (first == null) first = h;
      Invocation inv = h.invocations().get(0);
      invocations.add(new Invocation(r, inv.exitCode(), inv.wallNs(), inv.warmupNs(), inv.samplesNs(), inv.peakRssBytes(),
          inv.checksum(), inv.checksumKind(), inv.runtime(), inv.extra(), inv.error(), inv.position(), inv.conditions()));
      return null;
    }

    /** Round {@code r}'s referee run; null when it measured, else the cell's outcome. */
    Measured referee(int r) throws IOException {
      out.print("r");
      out.flush();
      Path dir = cellDir.resolve("run-" + r);
      Files.createDirectories(dir);
      Referee.Job job = referee.job(project, cell, one.seed(), input, dir, one.quick());
      commands.add(job.command());
      ProcessOutcome o = ProcessExecutor.execute(job.command(), job.dir(), one.timeout());
      if (o.timedOut() || o.exitCode() == null || o.exitCode() != 0) {
        String why = o.timedOut() ? "timed out after " + one.timeout().toSeconds() + " s"
            : "exit " + o.exitCode() + ": " + o.stderrTail() + (o.stderrTail().isBlank() ? tail(o.stdout()) : "");
        return refereeFailed(r, why);
      }
      Files.writeString(dir.resolve("output.txt"), o.stdout() + o.stderr());
      try {
        refereeRuns.add(referee.read(cell, dir));
      } catch (IOException | RuntimeException e) {
        return refereeFailed(r, e.getMessage());
      }
      return null;
    }

    private Measured refereeFailed(int r, String why) {
      return new Measured(notMeasured(cell, referee.tool(), "referee-failed", referee.tool() + " run " + r + ": " + why, commands),
          first == null ? null : combined());
    }

    /** The harness's rounds as one cell, as ./bench run keeps its invocations. */
    CellResult combined() {
      return CellResult.of(cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(),
          cell.threads(), first.status(), first.error(), first.command(), invocations, first.verification());
    }
  }

  /** Builds the criterion bench once, visibly; null when it built, else why not. */
  private String buildCriterion() {
    out.println("crosscheck: building the criterion referee (cargo bench --no-run in rust-workloads)");
    if (Tools.which("cargo").isEmpty()) return "cargo is not on PATH: install Rust (https://rustup.rs) to run criterion";
    return Tools.runVisible(CriterionReferee.cargo("--no-run"), project.rustDir(), Map.of()) ? null
        : "cargo bench --no-run failed in rust-workloads (output above): fix the build, then run ./bench crosscheck again";
  }

  private static CrossCheckRow notMeasured(Cell cell, String tool, String status, String error) {
    return notMeasured(cell, tool, status, error, List.of());
  }

  private static CrossCheckRow notMeasured(Cell cell, String tool, String status, String error, List<List<String>> commands) {
    return CrossCheckRow.notMeasured(cell.workload().name(), cell.implementation().id(), cell.size(), tool, status, error, commands);
  }

  private static String tail(String s) {
    String t = s.strip();
    return t.length() > 400 ? "..." + t.substring(t.length() - 400) : t;
  }
}
