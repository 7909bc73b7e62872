package org.polybench.harness.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.plan.Settings;
import picocli.CommandLine.Option;

/** What to measure and how: the selection flags ./bench run and ./bench crosscheck share (a picocli mixin). */
public final class SelectionOptions {
  @Option(names = "--workloads", split = ",", paramLabel = "NAME", description = "workloads to run (default: all; see ./bench list)")
  List<String> workloads = new ArrayList<>();

  @Option(names = "--implementations", split = ",", paramLabel = "LANG/VARIANT", description = "e.g. python/numpy,rust/optimized (default: all)")
  List<String> implementations = new ArrayList<>();

  @Option(names = "--languages", split = ",", paramLabel = "LANG", description = "python, rust, java (default: all)")
  List<String> languages = new ArrayList<>();

  @Option(names = "--sizes", split = ",", paramLabel = "N", converter = SizeConverter.class, description = "problem sizes, e.g. 1000,1e6 (default: each workload's; dot, normalize: 1e3..1e7 in decades; parallel: 1e4..1e7, plus each implementation's calibrated size unless --sizes is given)")
  List<Long> sizes = new ArrayList<>();

  @Option(names = "--threads", split = ",", paramLabel = "T", description =
      "thread counts for threaded workloads (parallel), e.g. 1,2,4; more than the cores is allowed (oversubscription). "
          + "Default: 1, powers of two below the logical core count, and that count (1,2 on 2 cores). "
          + "Single-threaded workloads (dot, normalize) always run at 1 thread, whatever --threads says.")
  List<Integer> threads = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "SEED", converter = SeedConverter.class, description = "input seed, unsigned 64-bit (default: ${DEFAULT-VALUE})")
  long seed = Settings.DEFAULT_SEED;

  @Option(names = "--warmup", paramLabel = "N", description = {"at least N warm-up iterations per cell (default: 3, quick: 1); smaller sizes get more, so every",
      "cell warms up on >= 2e7 elements of work (JITs need it; parallel: 1e6). Kept in results.json, left out of the statistics."})
  Integer warmup;

  @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per cell (default: 20, quick: 10)")
  Integer iterations;

  @Option(names = "--invocations", paramLabel = "N", description = {
      "fresh processes per cell, samples pooled (default: 3, quick: 2); their medians are kept apart",
      "in results.json so process-to-process differences (a JIT settling differently) show."})
  Integer invocations;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill a runner after this long (default: 600)")
  Long timeoutSeconds;

  /** The request these flags make; {@code quick} is the command's own --quick. */
  PlanRequest request(boolean quick) {
    return new PlanRequest(
        workloads, implementations, languages, sizes, threads, quick, seed, warmup, iterations,
        timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), invocations);
  }

  /** True when no flag narrowed what to measure (workloads, implementations, languages, sizes). */
  boolean choosesNothing() {
    return workloads.isEmpty() && implementations.isEmpty() && languages.isEmpty() && sizes.isEmpty();
  }
}
