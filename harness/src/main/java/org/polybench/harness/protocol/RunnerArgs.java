package org.polybench.harness.protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The protocol flags of one runner invocation (docs/runner-protocol.md). */
public record RunnerArgs(
    String workload, String variant, long size, int threads, int warmup, int iterations, long seed, Path input,
    long warmupTimeMs) {

  /** The flags without a minimum warm-up time (the warm-up is the count alone). */
  public RunnerArgs(String workload, String variant, long size, int threads, int warmup, int iterations, long seed, Path input) {
    this(workload, variant, size, threads, warmup, iterations, seed, input, 0);
  }

  public List<String> flags() {
    List<String> f =
        new ArrayList<>(
            List.of(
                "--workload", workload,
                "--variant", variant,
                "--size", Long.toString(size),
                "--threads", Integer.toString(threads),
                "--warmup", Integer.toString(warmup),
                "--iterations", Integer.toString(iterations),
                "--seed", Long.toUnsignedString(seed)));
    if (warmupTimeMs > 0) {
      f.add("--warmup-time-ms");
      f.add(Long.toString(warmupTimeMs));
    }
    if (input != null) {
      f.add("--input");
      f.add(input.toAbsolutePath().toString());
    }
    return f;
  }
}
