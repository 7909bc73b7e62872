package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Cell;

/**
 * JMH for java/*: the workloads module's benchmarks (org.polybench.workloads.jmh, in the shaded
 * runner jar), run through JMH's own command line in one fork, with JSON output. The benchmark's
 * {@code @Setup} makes the input with the workload's own {@code prepare}, as the runner does.
 */
public final class JmhReferee extends Referee {
  /** workload/variant to the benchmark method that times it. */
  static final Map<String, String> BENCHMARKS = Map.of(
      "dot/scalar", "DotBenchmark.scalar",
      "dot/vector", "DotBenchmark.vector",
      "normalize/scalar", "NormalizeBenchmark.scalar",
      "normalize/vector", "NormalizeBenchmark.vector",
      "tokenize/native", "TokenizeBenchmark.nativeTokenizer");

  static final String RESULT_FILE = "jmh.json";

  public JmhReferee() {
    super("jmh");
  }

  @Override
  public String refuses(Cell cell) {
    return BENCHMARKS.containsKey(key(cell)) ? null
        : "no JMH benchmark for " + key(cell) + " (workloads/src/main/java/org/polybench/workloads/jmh)";
  }

  @Override
  public Job job(Project project, Cell cell, long seed, Path input, Path outDir, boolean quick) {
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
        "--add-modules", "jdk.incubator.vector", "-cp", project.javaRunnerJar().toString(), "org.openjdk.jmh.Main",
        "^org\\.polybench\\.workloads\\.jmh\\." + BENCHMARKS.get(key(cell)).replace(".", "\\.") + "$"));
    if (cell.workload().name().equals("tokenize")) {
      cmd.addAll(List.of("-p", "input=" + input));
    } else {
      // the benchmark's seed is a long: the same bit pattern as the runner's unsigned seed
      cmd.addAll(List.of("-p", "size=" + cell.size(), "-p", "seed=" + seed));
    }
    // one fork per referee run: the runs themselves are the repeated processes
    cmd.addAll(quick
        ? List.of("-f", "1", "-wi", "3", "-w", "500ms", "-i", "5", "-r", "500ms")
        : List.of("-f", "1", "-wi", "5", "-w", "1s", "-i", "10", "-r", "1s"));
    cmd.addAll(List.of("-rf", "json", "-rff", outDir.resolve(RESULT_FILE).toString()));
    return new Job(cmd, project.root());
  }

  @Override
  public RefereeResult read(Cell cell, Path outDir) throws IOException {
    return JmhReader.read(outDir.resolve(RESULT_FILE));
  }

  private static String key(Cell cell) {
    return cell.workload().name() + "/" + cell.implementation().variant();
  }
}
