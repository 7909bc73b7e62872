package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Cell;

/**
 * pyperf for the CPython variants (python/*, run by the venv's interpreter): the small script
 * python-workloads/polybench/referee.py, which takes the kernel and its seeded input from the
 * variant's own table, as the runner does. pyperf starts its own worker processes and calibrates
 * the loops per value.
 */
public final class PyperfReferee extends Referee {
  static final String RESULT_FILE = "pyperf.json";

  public PyperfReferee() {
    super("pyperf");
  }

  @Override
  public String refuses(Cell cell) {
    return cell.implementation().runner().equals("python") ? null
        : cell.implementation().id() + " does not run on CPython (runner " + cell.implementation().runner() + "): pyperf times CPython";
  }

  @Override
  public Job job(Project project, Cell cell, long seed, Path input, Path outDir, boolean quick) {
    List<String> cmd = new ArrayList<>(List.of(project.venvPython().toString(), "-m", "polybench.referee",
        "--workload", cell.workload().name(), "--variant", cell.implementation().variant(),
        "--size", Long.toString(cell.size()), "--seed", Long.toUnsignedString(seed)));
    if (input != null) cmd.addAll(List.of("--input", input.toString()));
    cmd.addAll(quick ? List.of("--processes", "2", "--values", "5", "--warmups", "1")
        : List.of("--processes", "6", "--values", "5", "--warmups", "1"));
    cmd.addAll(List.of("--quiet", "-o", outDir.resolve(RESULT_FILE).toString()));
    return new Job(cmd, project.pythonDir());
  }

  @Override
  public RefereeResult read(Cell cell, Path outDir) throws IOException {
    return PyperfReader.read(outDir.resolve(RESULT_FILE));
  }
}
