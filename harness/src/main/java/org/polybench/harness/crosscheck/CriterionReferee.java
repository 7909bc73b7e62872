package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Cell;

/**
 * criterion for rust/*: the kernels crate's bench {@code referee} (rust-workloads/kernels/benches/referee.rs),
 * run by {@code cargo bench} with the cell in its environment and {@code CRITERION_HOME} set to a
 * fresh folder, so no earlier run becomes its baseline.
 */
public final class CriterionReferee extends Referee {
  static final Set<String> COVERED = Set.of("dot/naive", "dot/optimized", "normalize/naive", "normalize/optimized", "tokenize/native");

  public CriterionReferee() {
    super("criterion");
  }

  @Override
  public String refuses(Cell cell) {
    String key = cell.workload().name() + "/" + cell.implementation().variant();
    return COVERED.contains(key) ? null : "no criterion bench for " + key + " (rust-workloads/kernels/benches/referee.rs)";
  }

  /** The cargo command that builds (with --no-run) or runs the bench. */
  static List<String> cargo(String... more) {
    String cargo = org.polybench.harness.build.Tools.which("cargo").map(Path::toString).orElse("cargo");
    List<String> cmd = new ArrayList<>(List.of(cargo, "bench", "--quiet", "-p", "polybench-kernels", "--bench", "referee"));
    cmd.addAll(List.of(more));
    return cmd;
  }

  @Override
  public Job job(Project project, Cell cell, long seed, Path input, Path outDir, boolean quick) {
    List<String> cmd = new ArrayList<>(List.of("env",
        "CRITERION_HOME=" + outDir, "POLYBENCH_WORKLOAD=" + cell.workload().name(),
        "POLYBENCH_VARIANT=" + cell.implementation().variant(), "POLYBENCH_SIZE=" + cell.size(),
        "POLYBENCH_SEED=" + Long.toUnsignedString(seed)));
    if (input != null) cmd.add("POLYBENCH_INPUT=" + input);
    cmd.addAll(cargo("--", "--noplot"));
    cmd.addAll(quick ? List.of("--warm-up-time", "1", "--measurement-time", "2", "--sample-size", "20")
        : List.of("--warm-up-time", "3", "--measurement-time", "5", "--sample-size", "50"));
    return new Job(cmd, project.rustDir());
  }

  @Override
  public RefereeResult read(Cell cell, Path outDir) throws IOException {
    return CriterionReader.read(outDir.resolve(id(cell)));
  }

  /** The bench's id, as referee.rs names it. */
  static String id(Cell cell) {
    return cell.workload().name() + "-" + cell.implementation().variant() + "-" + cell.size();
  }
}
