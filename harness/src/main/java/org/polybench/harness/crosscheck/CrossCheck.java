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
 * Measures each cell with the harness and with its referee, interleaved: harness process, referee
 * run, harness process, referee run, ... ({@code settings.invocations()} rounds), so a slow period
 * of the machine falls on both sides alike. The harness side is exactly ./bench run's measurement
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
    Language lang = Languages.find(cell.implementation().runner()).orElseThrow();
    CellMeasurer measurer = new CellMeasurer(project);
    List<Invocation> invocations = new ArrayList<>();
    List<RefereeResult> refereeRuns = new ArrayList<>();
    List<List<String>> commands = new ArrayList<>();
    CellResult first = null;
    Path cellDir = runDir.resolve("referee").resolve(cell.workload().name() + "-" + cell.implementation().id().replace('/', '-') + "-" + cell.size());
    for (int r = 1; r <= rounds; r++) {
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
        return new Measured(notMeasured(cell, referee.tool(), "referee-failed", referee.tool() + " run " + r + ": " + why, commands), combined(cell, first, invocations));
      }
      Files.writeString(dir.resolve("output.txt"), o.stdout() + o.stderr());
      try {
        refereeRuns.add(referee.read(cell, dir));
      } catch (IOException | RuntimeException e) {
        return new Measured(notMeasured(cell, referee.tool(), "referee-failed", referee.tool() + " run " + r + ": " + e.getMessage(), commands), combined(cell, first, invocations));
      }
      out.print(" ");
      out.flush();
    }
    CellResult harness = combined(cell, first, invocations);
    List<List<Long>> samples = invocations.stream().map(Invocation::samplesNs).toList();
    return new Measured(CrossCheckRow.measured(cell.workload().name(), cell.implementation().id(), cell.size(), referee.tool(),
        samples, refereeRuns, commands), harness);
  }

  /** The harness's rounds as one cell, as ./bench run keeps its invocations. */
  private static CellResult combined(Cell cell, CellResult first, List<Invocation> invocations) {
    return CellResult.of(cell.workload().name(), cell.implementation().language(), cell.implementation().variant(), cell.size(),
        cell.threads(), first.status(), first.error(), first.command(), invocations, first.verification());
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
