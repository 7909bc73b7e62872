package org.polybench.harness.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.workload.Section;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.view.ReportFormat;

/** The registry of charts, one line per chart with its section; as an output format, it draws them all. */
public final class Charts implements ReportFormat {
  /**
   * A chart and the report section it belongs to: it is drawn for the workloads declaring it, except
   * those that also declare {@code unless} (null: none), whose own section draws it better.
   */
  public record Registered(Section section, Chart chart, Section unless) {
    Registered(Section section, Chart chart) {
      this(section, chart, null);
    }

    boolean drawnFor(List<Section> sections) {
      return sections.contains(section) && (unless == null || !sections.contains(unless));
    }
  }

  private static final List<Registered> ALL =
      List.of(
          // startup has one size (no line to draw) and its bars come with the spawn floor (StartupChart)
          new Registered(Section.TIMES, new TimeVsSizeChart(), Section.STARTUP),
          new Registered(Section.TIMES, new BarsAtLargestSizeChart(), Section.STARTUP),
          new Registered(Section.THREAD_SCALING, new SpeedupChart()),
          new Registered(Section.THREAD_SCALING, new TimeAtMaxThreadsChart()),
          new Registered(Section.THROUGHPUT, new ThroughputChart()),
          new Registered(Section.THROUGHPUT, new LatencyPercentilesChart()),
          new Registered(Section.LATENCY, new LatencyPercentilesChart(LatencyPercentilesChart.Source.PER_ITERATION)),
          new Registered(Section.WARMUP, new WarmupChart()),
          new Registered(Section.STARTUP, new StartupChart()),
          new Registered(Section.MEMORY, new PeakRssVsSizeChart()),
          new Registered(Section.MEMORY, new BytesPerElementChart()));

  @Override
  public String name() {
    return "charts";
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, java.io.PrintStream console) throws IOException {
    return renderAll(run, runDir.resolve(org.polybench.harness.store.ResultsStore.CHARTS_DIR));
  }

  /** XChart on a large run takes seconds; minutes mean a bug, not a big run. */
  @Override
  public java.time.Duration timeout() {
    return java.time.Duration.ofSeconds(180);
  }

  public static List<Chart> all() {
    return ALL.stream().map(Registered::chart).toList();
  }

  /**
   * Draws every chart of the run into chartsDir (created if needed).
   *
   * @return every file written (PNG and SVG), in registry then workload order
   */
  public static List<Path> renderAll(RunRecord run, Path chartsDir) throws IOException {
    ChartFiles.ensureHeadless();
    // the charts are independent files, drawn after the measurements: a parallel stream draws one
    // per CPU at a time (the quick run's 58 took 4 s one after the other here), in the registry's order
    try {
      return ALL.parallelStream().flatMap(c -> {
        try {
          return c.chart().render(run, chartsDir, t -> c.drawnFor(Workloads.sectionsOf(t.workload()))).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
