package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Cell;

/**
 * A language's own benchmarking tool, timing one cell the way that language's community would
 * (JMH for java/*, pyperf for CPython, criterion for rust/*, hyperfine for the startup
 * workload's whole processes). One file each; {@link Referees}
 * registers them.
 */
public abstract sealed class Referee permits JmhReferee, PyperfReferee, CriterionReferee, HyperfineReferee {
  private final String tool;

  Referee(String tool) {
    this.tool = tool;
  }

  /** The tool's name, as in crosscheck.json: "jmh", "pyperf", "criterion", "hyperfine". */
  public final String tool() {
    return tool;
  }

  /** Why this referee cannot time {@code cell}, or null when it can. */
  public abstract String refuses(Cell cell);

  /**
   * The process that times {@code cell} once, writing the tool's output under {@code outDir}
   * (a fresh folder per call). {@code input} is the workload's input file (tokenize's corpus) or null.
   */
  public abstract Job job(Project project, Cell cell, long seed, Path input, Path outDir, boolean quick);

  /** Reads what {@link #job}'s process wrote under {@code outDir}. */
  public abstract RefereeResult read(Cell cell, Path outDir) throws IOException;

  /** A command line and the folder it runs in. */
  public record Job(List<String> command, Path dir) {}
}
