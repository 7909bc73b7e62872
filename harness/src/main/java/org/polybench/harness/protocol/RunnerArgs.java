package org.polybench.harness.protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The protocol flags of one runner invocation (docs/runner-protocol.md). */
public record RunnerArgs(
    String workload, String variant, long size, int threads, int warmup, int iterations, long seed, Path input) {

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
    if (input != null) {
      f.add("--input");
      f.add(input.toAbsolutePath().toString());
    }
    return f;
  }
}
