package org.polybench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.history.EDivisive;
import org.polybench.harness.history.HistoryReport;
import org.polybench.harness.history.HistoryStore;
import org.polybench.harness.history.Trend;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./bench history add | report: a store of runs over time, trend charts and change points. */
@Command(
    name = "history",
    description = {
      "Keeps runs over time: 'add' appends runs to a history (SQLite file by default, or PostgreSQL via a JDBC URL),",
      "'report' draws a trend chart per cell and machine and lists change points (E-Divisive means). Schema: docs/history.md."
    },
    subcommands = {HistoryCommand.Add.class, HistoryCommand.Report.class})
public final class HistoryCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose add or report (./bench history --help)");
  }

  /** The default history: results/history.sqlite. */
  static String defaultDb() {
    return Project.locate().resultsDir().resolve("history.sqlite").toString();
  }

  /** Adds a run to a history, saying so on {@code out}; shared with ./bench run --history. */
  static void add(String db, RunRecord run, Path runDir, PrintWriter out) {
    String source = runDir.toAbsolutePath().toString();
    java.util.Map<org.polybench.harness.compare.CellKey, Double> counts;
    try {
      counts = org.polybench.harness.instructions.Instructions.read(runDir);
    } catch (IOException e) {
      throw new UserError("cannot read the instruction counts in " + runDir + ": " + e.getMessage());
    }
    try (HistoryStore h = HistoryStore.open(HistoryStore.url(db))) {
      boolean added = h.add(run, source, counts);
      out.println((added ? "history: added run " : "history: run already there, skipped: ") + run.runId() + " ("
          + run.usable().size() + " verified cells" + (counts.isEmpty() ? "" : ", " + counts.size() + " instruction counts") + ") to " + h.describe() + "; " + h.runs() + " runs in all");
    } catch (SQLException e) {
      throw new UserError("cannot add " + source + " to the history " + db + ": " + e.getMessage(), 1);
    }
  }

  @Command(name = "add", description = "Appends runs to the history (a run already there is skipped).")
  static final class Add implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run folders or results.json files")
    List<Path> runs;

    @Mixin DbOption db = new DbOption();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String target = db.target();
      for (Path p : runs) add(target, CompareCommand.load(p), CompareCommand.runDir(p), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(name = "report",
      description = "Draws a trend chart per cell and machine (median and 95%% CI per run) and lists change points in report.md.")
  static final class Report implements Callable<Integer> {
    @Mixin DbOption db = new DbOption();

    @Option(names = "--out", paramLabel = "DIR", description = "where report.md and charts/ go (default: results/history-report)")
    Path out;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String target = db.target();
      if (!db.given() && !java.nio.file.Files.exists(Path.of(target))) {
        throw new UserError("no history at " + target + " yet: add runs first, e.g. ./bench history add results/latest");
      }
      Path dir = out != null ? out : Project.locate().resultsDir().resolve("history-report");
      try (HistoryStore h = HistoryStore.open(HistoryStore.url(target))) {
        List<HistoryStore.Point> points = h.points();
        if (points.isEmpty()) throw new UserError("the history " + h.describe() + " holds no verified cell: add runs first");
        List<Trend> trends = HistoryReport.trends(points, EDivisive.defaults());
        Path report = HistoryReport.write(trends, h.describe(), h.runs(), dir);
        long changes = trends.stream().mapToLong(t -> t.changes().size()).sum();
        spec.commandLine().getOut().println("history: " + trends.size() + " trends, " + changes + " change points -> " + report
            + " (charts in " + report.getParent().resolve("charts") + ")");
      } catch (SQLException | IOException e) {
        throw new UserError("cannot read the history " + target + ": " + e.getMessage(), 1);
      }
      return 0;
    }
  }

  /** {@code --db}, shared by the subcommands: the history's database, results/history.sqlite unless given. */
  static final class DbOption {
    @Option(names = "--db", paramLabel = "DB", description = "a SQLite file or a jdbc:postgresql:// URL (default: results/history.sqlite)")
    String db;

    String target() {
      return db != null ? db : defaultDb();
    }

    boolean given() {
      return db != null;
    }
  }
}
