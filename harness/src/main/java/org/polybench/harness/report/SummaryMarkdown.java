package org.polybench.harness.report;

import org.polybench.harness.stats.CellStats;
import org.polybench.harness.view.ReportFormat;
import org.polybench.harness.plan.Settings;

import org.polybench.harness.view.Cells;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.RunInfo;
import org.polybench.harness.view.StartupCosts;
import org.polybench.harness.view.ThreadScaling;
import org.polybench.harness.view.Throughput;
import org.polybench.harness.view.WorkloadTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

/**
 * Writes {@code summary.md} of a run: where and how it ran, per workload the median times and the
 * factors vs the fastest, links to the charts, and every cell that could not be charted with its
 * error. The output depends only on its arguments (no clock, no file system), so it is sealed by a
 * golden-file test.
 */
public final class SummaryMarkdown implements ReportFormat {
  public static final String FILE_NAME = "summary.md";

  @Override
  public String name() {
    return "summary";
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, java.io.PrintStream console) throws IOException {
    return List.of(write(run, runDir, earlier));
  }

  /**
   * Writes {@code runDir/summary.md}.
   *
   * @param chartFiles the files {@code Charts.renderAll} wrote (anywhere under runDir); PNGs are
   *     embedded and SVGs linked, each under the workload its file name starts with
   * @return the file written
   */
  public static Path write(RunRecord run, Path runDir, List<Path> chartFiles) throws IOException {
    List<String> links = new ArrayList<>();
    Path base = runDir.toAbsolutePath().normalize();
    for (Path p : chartFiles) {
      Path abs = p.toAbsolutePath().normalize();
      Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
      links.add(rel.toString().replace('\\', '/'));
    }
    Files.createDirectories(runDir);
    Path out = runDir.resolve(FILE_NAME);
    // a ./bench crosscheck folder: its table, from crosscheck.json, so ./bench report keeps it
    Files.writeString(out, render(run, links) + org.polybench.harness.crosscheck.CrossCheckTable.section(runDir), StandardCharsets.UTF_8);
    return out;
  }

  /**
   * The Markdown text.
   *
   * @param chartLinks chart files relative to the summary, e.g. {@code charts/dot-bars.png}
   */
  public static String render(RunRecord run, List<String> chartLinks) {
    StringBuilder md = new StringBuilder();
    List<WorkloadTable> tables = WorkloadTable.of(run);
    header(md, run);
    String busy = org.polybench.harness.view.MachineLoad.of(run).warning();
    if (busy != null) md.append("> **Warning:** ").append(org.polybench.harness.view.Markdown.text(busy)).append(".\n\n");
    md.append("## How to read the tables\n\n")
        .append("Each time is the median of the measured iterations: one timed kernel call at that size ")
        .append("(making the input is not timed), measured inside the implementation's own process after warm-up, ")
        .append("pooled over the fresh processes of the cell. Below a microsecond, the clock read around each call ")
        .append("(tens of ns) is a visible part of the time: compare such cells loosely. ")
        .append("\"±\" is the half-width of the distribution-free 95% confidence interval of the median, ")
        .append("relative to it (\"−a/+b\" when the interval is lopsided). A factor is the median divided by the fastest median at the same size, ")
        .append("with its 95% confidence interval in brackets (\"37.2x [35.0x, 39.9x]\"; a speedup likewise): a percentile ")
        .append("bootstrap that resamples the fresh processes, then the samples within each, as `./bench claims` and `./bench compare` do. ")
        .append("Only cells whose answer was verified against the reference are timed, compared and charted; ")
        .append("the others show their status here and are listed with their error under ")
        .append("[Cells not charted](#cells-not-charted).\n\n");
    if (anyLowConfidence(tables)) {
      md.append(Cells.LOW_CONFIDENCE)
          .append(" marks too few iterations for a 95% interval: the range shown is min..max of the samples, ")
          .append("which covers the median with less confidence.\n\n");
    }
    if (any(tables, CellResult::unsteady)) {
      md.append(Cells.UNSTEADY)
          .append(" marks a median to take with care: the fresh processes measuring it disagreed by more than ")
          .append(Numbers.percent(CellStats.SPREAD_WARNING))
          .append(" (see `invocation_medians_ns` in results.json; a JIT can settle differently in each process), ")
          .append("or its first measured calls were over ")
          .append(String.format(java.util.Locale.ROOT, "%.1fx", CellStats.DRIFT_WARNING))
          .append(" slower or faster than its last ones (`drift`: still warming up, or slowing down, or disturbed).\n\n");
    }

    for (WorkloadTable t : tables) {
      workload(md, run, t, chartLinks);
    }
    if (tables.isEmpty()) {
      md.append("This run has no measurements.\n\n");
    }
    notCharted(md, run, tables);
    md.append('\n').append(org.polybench.harness.claims.VerdictTable.markdown(org.polybench.harness.claims.VerdictTable.outcomes(run)));
    return md.toString();
  }

  private static void header(StringBuilder md, RunRecord run) {
    md.append("# Benchmark run `").append(run.runId()).append("`\n\n");
    for (RunInfo.Fact f : RunInfo.provenance(run)) {
      if (f.code() == null && f.text() == null) continue;
      bullet(md, f.label(), (f.code() == null ? "" : org.polybench.harness.view.Markdown.code(f.code())) + (f.text() == null ? "" : f.text()));
    }
    md.append('\n');
    md.append("### Settings\n\n");
    Map<String, Object> settings = run.settings();
    if (settings == null || settings.isEmpty()) {
      md.append("Not recorded.\n");
    } else {
      for (Map.Entry<String, Object> e : settings.entrySet()) {
        bullet(md, e.getKey(), org.polybench.harness.view.Markdown.text(RunInfo.describeValue(e.getValue())));
      }
    }
    md.append('\n');
  }

  private static boolean any(List<WorkloadTable> tables, java.util.function.Predicate<CellResult> test) {
    for (WorkloadTable t : tables) {
      for (WorkloadTable.Row r : t.rows()) {
        for (CellResult m : r.cells().values()) {
          if (test.test(m)) return true;
        }
      }
    }
    return false;
  }

  private static boolean anyLowConfidence(List<WorkloadTable> tables) {
    for (WorkloadTable t : tables) {
      for (WorkloadTable.Row r : t.rows()) {
        for (CellResult m : r.cells().values()) {
          if (m.usable() && Cells.lowConfidence(m)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Appends one workload's section. */
  private static void workload(StringBuilder md, RunRecord run, WorkloadTable t, List<String> chartLinks) {
    md.append("## ").append(t.workload()).append("\n\n");
    if (!t.description().isEmpty()) {
      md.append(capitalize(t.description())).append("; size in ").append(t.sizeUnit()).append(".\n\n");
    }
    md.append("### Median time per iteration (±95% CI half-width)\n\n");
    headerRow(md, t);
    for (WorkloadTable.Row r : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (long size : t.sizes()) {
        cells.add(Cells.time(r.cell(size), true));
      }
      row(md, r, cells);
    }
    md.append('\n');

    md.append("### Factor vs fastest (median / fastest median at that size)\n\n");
    headerRow(md, t);
    for (WorkloadTable.Row r : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (long size : t.sizes()) {
        String f = Cells.factor(t, r, size);
        CellResult m = r.usable(size);
        boolean fastest = m != null && m.medianNs() == t.fastestMedianNs(size).orElse(-1);
        cells.add(fastest ? "**" + f + "**" : f);
      }
      row(md, r, cells);
    }
    md.append('\n');

    for (org.polybench.harness.workload.Section s : org.polybench.harness.workload.Workloads.sectionsOf(t.workload())) {
      switch (s) {
        case TIMES, WARMUP -> {} // the times are above; the warm-up traces are a chart only
        case THREAD_SCALING -> threadScaling(md, run, t);
        case THROUGHPUT -> Throughput.markdown(md, t);
        case LATENCY -> org.polybench.harness.view.IterationLatency.markdown(md, t);
        case MEMORY -> org.polybench.harness.view.MemoryFigures.markdown(md, t);
        case STARTUP -> {} // the startup workload's own table comes with its cells' times
      }
    }
    // any workload: what the cells report paying before their first call (pools, a GraalPy context)
    StartupCosts.markdown(md, t);

    List<String> mine = chartsOf(t.workload(), chartLinks);
    List<String> pngs = mine.stream().filter(l -> l.endsWith(".png")).toList();
    if (!pngs.isEmpty()) {
      md.append("### Charts\n\n");
      for (String png : pngs) {
        String base = png.substring(0, png.length() - ".png".length());
        String name = base.substring(base.lastIndexOf('/') + 1);
        md.append("![").append(name).append("](").append(png).append(")\n");
        String svg = base + ".svg";
        if (mine.contains(svg)) {
          md.append("\n[").append(name).append(".svg](").append(svg).append(")\n");
        }
        md.append('\n');
      }
    } else if (!t.hasUsable()) {
      md.append("No chart: no cell of this workload was usable.\n\n");
    }
  }

  /**
   * For a workload measured at several thread counts: speedup and efficiency per implementation
   * at the largest size, and what a process pool's start-up adds to one call.
   */
  private static void threadScaling(StringBuilder md, RunRecord run, WorkloadTable t) {
    var found = ThreadScaling.of(run, t);
    if (found.isEmpty()) {
      return;
    }
    ThreadScaling s = found.get();
    md.append("### Speedup vs 1 thread ")
        .append(s.size() > 0 && !s.calibrated() ? "at " + Numbers.sizePhrase(s.workload(), s.sizeUnit(), s.size())
            : "at each implementation's " + (s.calibrated() ? "calibrated" : "largest") + " size")
        .append("\n\n");
    if (s.calibrated()) {
      Object target = run.settings() == null || !(run.settings().get("calibration") instanceof Map<?, ?> c)
          || !(c.get(s.workload()) instanceof Map<?, ?> w) ? null : w.get("target_ns");
      md.append("Each implementation is compared at its calibrated size (column n): the size at which one call on one thread ")
          .append("lasts at least ")
          .append(target instanceof Number n ? Durations.format(n.longValue()) : "the run's target")
          .append(", estimated from short calibration calls and recorded in results.json (`settings.calibration`); ")
          .append("shorter calls measure how fast an idle CPU wakes, not parallelism. ")
          .append("The times table above also has every implementation at the common sizes.\n\n");
    }
    md.append("Speedup = median at 1 thread / median at T threads, of the same implementation and size; ")
        .append("efficiency = speedup / T. Logical cores: ")
        .append(s.logicalCores() == null ? "unknown" : s.logicalCores())
        .append("; CPU affinity of the runners: ")
        .append(s.cpuAffinity().isEmpty() ? "not reported" : String.join(", ", s.cpuAffinity()))
        .append(". More threads than cores is oversubscription; \"(no GIL)\" marks a free-threaded interpreter.\n\n");
    boolean pythonThreads = s.lines().stream().anyMatch(l -> l.implementation().startsWith("python/"));
    if (pythonThreads) {
      boolean freeThreaded = s.lines().stream().anyMatch(l -> l.label().endsWith("(no GIL)"));
      md.append("Free-threaded CPython: ")
          .append(freeThreaded
              ? "measured: the lines marked \"(no GIL)\" ran on an interpreter whose `sys._is_gil_enabled()` is False."
              : "not measured: every Python line here ran with the GIL. No free-threaded interpreter was given: "
                  + "`./bench build --free-threaded` builds one (CPython 3.13 with --disable-gil, from the source in Debian's archive, "
                  + "which ships no free-threaded binary), then `./bench run --free-threaded`; or `./bench run --python PATH` with any 3.13t+.")
          .append("\n\n");
    }
    md.append("| implementation | kind | threads between calls | n | median at 1 thread |");
    for (int threads : s.threads()) {
      md.append(' ').append(threads).append(threads == 1 ? " thread" : " threads").append(" |");
    }
    md.append("\n|---|---|---|---:|---:|").append("---:|".repeat(s.threads().size())).append('\n');
    for (ThreadScaling.Line l : s.lines()) {
      ThreadScaling.Point one = l.at(1);
      md.append("| `").append(l.label()).append("` | ").append(l.kind()).append(" | ")
          .append(l.threadsBetweenCalls().isEmpty() ? Cells.MISSING : l.threadsBetweenCalls()).append(" | ")
          .append(Numbers.size(l.size())).append(l.calibrated() ? " (calibrated)" : "").append(" | ")
          .append(one == null ? Cells.MISSING : Durations.format(one.medianNs())).append(" |");
      for (int threads : s.threads()) {
        ThreadScaling.Point p = l.at(threads);
        md.append(' ')
            .append(p == null ? Cells.MISSING
                : Double.isNaN(p.speedup()) ? "no 1-thread cell"
                : p.speedupText() + " (" + ThreadScaling.efficiency(p.efficiency()) + ")")
            .append(" |");
      }
      md.append('\n');
    }
    md.append('\n');

    List<String[]> pools = new ArrayList<>();
    for (ThreadScaling.Line l : s.lines()) {
      for (ThreadScaling.Point p : l.points()) {
        if (p.poolStartupNs() != null) {
          pools.add(new String[] {
            "`" + l.label() + "`", Integer.toString(p.threads()), Durations.format(p.poolStartupNs()),
            Durations.format(p.medianNs()), Durations.format(p.poolStartupNs() + p.medianNs())
          });
        }
      }
    }
    if (!pools.isEmpty()) {
      md.append("#### What one call costs with a process pool\n\n")
          .append("The samples are the steady state, with the pool already started; starting the pool ")
          .append("(creating it and waiting until every worker is up) is measured once, outside them. ")
          .append("A program that starts a pool for one call pays both.\n\n");
      md.append("| implementation | threads | pool start-up | median (steady state) | start-up + median |\n");
      md.append("|---|---:|---:|---:|---:|\n");
      for (String[] row : pools) {
        md.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      md.append('\n');
    }
  }

  private static void notCharted(StringBuilder md, RunRecord run, List<WorkloadTable> tables) {
    md.append("## Cells not charted\n\n");
    List<String[]> lines = new ArrayList<>();
    for (WorkloadTable t : tables) {
      for (WorkloadTable.Row r : t.rows()) {
        for (long size : t.sizes()) {
          CellResult m = r.cell(size);
          if (m != null && !m.usable()) {
            String error = m.error() == null || m.error().isBlank() ? "(no error message)" : m.error();
            lines.add(
                new String[] {
                  t.workload(),
                  "`" + r.implementation() + "`",
                  Numbers.size(size),
                  Integer.toString(m.threads()),
                  Cells.statusWord(m),
                  escape(error)
                });
          }
        }
      }
    }
    if (lines.isEmpty()) {
      md.append("None: every measured cell was verified and charted.\n");
      return;
    }
    md.append("| workload | implementation | size | threads | status | error |\n");
    md.append("|---|---|---:|---:|---|---|\n");
    for (String[] l : lines) {
      md.append("| ").append(String.join(" | ", l)).append(" |\n");
    }
  }

  /** Charts whose file name starts with "workload-" (and not with a longer workload's name). */
  private static List<String> chartsOf(String workload, List<String> links) {
    return links.stream()
        .filter(Objects::nonNull)
        .filter(l -> l.substring(l.lastIndexOf('/') + 1).startsWith(workload + "-"))
        .collect(Collectors.toList());
  }

  private static void headerRow(StringBuilder md, WorkloadTable t) {
    md.append("| implementation | kind |");
    for (long size : t.sizes()) {
      md.append(' ').append(Numbers.size(size)).append(" |");
    }
    md.append("\n|---|---|");
    md.append("---:|".repeat(t.sizes().size()));
    md.append('\n');
  }

  private static void row(StringBuilder md, WorkloadTable.Row r, List<String> cells) {
    md.append("| `").append(r.label()).append("` | ").append(r.kind()).append(" |");
    for (String c : cells) {
      md.append(' ').append(c).append(" |");
    }
    md.append('\n');
  }

  private static void bullet(StringBuilder md, String key, String value) {
    if (value != null) {
      md.append("- **").append(key).append(":** ").append(value).append('\n');
    }
  }

  /** One line, with the characters that would break a table cell neutralised. */
  static String escape(String s) {
    return org.polybench.harness.view.Markdown.cell(s);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
