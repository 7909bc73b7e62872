package org.polybench.harness.startup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.store.Json;

/**
 * The {@code startup} workload's runner: the harness's own code measuring whole processes the way
 * hyperfine does (docs/workloads.md#startup). It speaks the runner protocol, so every invocation of
 * a cell is one run of this prober in a fresh JVM (as hyperfine is a process of its own); the
 * prober's own start-up is never in a sample.
 *
 * <p>Per iteration (warm-up included): spawn the program directly (no shell: the argument vector,
 * posix_spawn from the native {@link Spawner}, as hyperfine does; not {@link ProcessBuilder}, whose
 * {@code jspawnhelper} adds an exec to every sample), stdin from /dev/null, read its stdout to the
 * end, wait for it; the sample is the spawner's wall time from before the spawn to after the reap. Right
 * after, {@code /bin/true} is spawned the same way: the floor, the cost of spawning a trivial native
 * process in this very run, reported as {@code extra.spawn_floor_ns}. Every process must exit 0 and
 * print exactly the expected output (nothing): the checksum is FNV-1a 64 of that stdout (the spawner's digest), so one
 * stray byte fails verification. Then one untimed run polls {@code /proc/PID/status} for VmHWM
 * (Java cannot get a child's rusage): the largest value seen is {@code peak_rss_bytes}, a lower
 * bound of the program's peak (a process can exit between two polls).
 */
public final class StartupProbe {
  static final String PREFIX = "polybench-startup: ";
  static final List<String> FLOOR = List.of("/bin/true");
  static final int RSS_RUNS = 1;

  private StartupProbe() {}

  public static void main(String[] args) {
    System.exit(run(args, Project.locate(), System.out, System.err));
  }

  /**
   * The argument vector the prober spawns for {@code variant} (the crosscheck's hyperfine runs the
   * same), or null when no program has that name.
   */
  public static List<String> command(Project project, String variant) {
    Programs.Program program = Programs.find(variant);
    return program == null ? null : program.command(project);
  }

  static int run(String[] args, Project project, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--list")) {
      out.println(Programs.catalogueJson(project));
      return 0;
    }
    Flags f;
    try {
      f = Flags.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(PREFIX + e.getMessage());
      return 2;
    }
    Programs.Program program = Programs.find(f.variant);
    if (program == null) {
      err.println(PREFIX + "--variant: unknown variant '" + f.variant + "'; known: " + String.join(", ", Programs.variants()));
      return 2;
    }
    String missing = program.missing(project);
    if (missing != null) {
      err.println(PREFIX + program.id() + " is unavailable: " + missing);
      return 3;
    }
    List<String> cmd = program.command(project);
    try {
      Files.createDirectories(project.root().resolve(".bench/startup")); // where an application CDS archive goes
    } catch (IOException e) {
      err.println(PREFIX + "failed: cannot create .bench/startup: " + e.getMessage());
      return 1;
    }
    List<Long> warm = new java.util.ArrayList<>();
    long[] samples = new long[f.iterations];
    long[] floor = new long[f.iterations];
    Long digest = null;
    try (Spawner spawner = new Spawner(project, project.root())) {
      // One untimed priming run first, whose output is not compared: a program that makes a cache
      // on its first run (the AppCDS archive, re-created when the jar changed) may print about it.
      Spawned prime = spawner.spawn(cmd);
      if (prime.exit != 0) {
        err.println(PREFIX + "failed: " + String.join(" ", cmd) + " exited " + prime.exit + ": " + prime.stderrTail);
        return 1;
      }
      // warm-up runs: at least --warmup of them and at least --warmup-time-ms of them (the protocol's rule)
      long warmStart = System.nanoTime();
      int measured = 0;
      while (measured < f.iterations) {
        boolean warming = warm.size() < f.warmup || System.nanoTime() - warmStart < f.warmupTimeMs * 1_000_000L;
        int i = warm.size() + measured;
        Spawned s = spawner.spawn(cmd);
        if (s.exit != 0) {
          err.println(PREFIX + "failed: " + String.join(" ", cmd) + " exited " + s.exit + ": " + s.stderrTail);
          return 1;
        }
        if (digest != null && digest != s.stdoutFnv) {
          err.println(PREFIX + "failed: run " + i + " of " + String.join(" ", cmd) + " printed other output than the run before it (every timed and warm-up run must print the same)");
          return 1;
        }
        digest = s.stdoutFnv;
        Spawned t = spawner.spawn(FLOOR);
        if (t.exit != 0) {
          err.println(PREFIX + "failed: /bin/true exited " + t.exit);
          return 1;
        }
        if (warming) {
          warm.add(s.wallNs);
        } else {
          samples[measured] = s.wallNs;
          floor[measured] = t.wallNs;
          measured++;
        }
      }
      long peak = 0;
      for (int r = 0; r < RSS_RUNS; r++) peak = Math.max(peak, polledPeakRss(cmd, project.root()));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("protocol", 2);
      result.put("workload", "startup");
      result.put("language", program.language());
      result.put("variant", program.variant());
      result.put("size", f.size);
      result.put("threads", f.threads);
      result.put("seed", new java.math.BigInteger(Long.toUnsignedString(f.seed)));
      result.put("warmup_ns", warm);
      result.put("samples_ns", samples);
      result.put("checksum", Long.toUnsignedString(digest));
      result.put("checksum_kind", "u64");
      result.put("peak_rss_bytes", Math.max(1, peak));
      Map<String, Object> runtime = new LinkedHashMap<>(program.runtime(project));
      runtime.put("command", cmd);
      runtime.put("prober", "org.polybench.harness.startup.StartupProbe (JVM " + System.getProperty("java.runtime.version")
          + "); processes spawned and timed by " + Spawner.binary(project) + " (Rust std::process::Command: posix_spawn, no shell)");
      result.put("runtime", runtime);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("spawn_floor_ns", percentiles(floor));
      extra.put("spawn_floor_samples_ns", floor);
      extra.put("peak_rss", Map.of("bytes", peak, "method",
          "VmHWM of /proc/PID/status polled every ~100 us in " + RSS_RUNS + " untimed runs: a lower bound"));
      extra.put("expected_stdout", "");
      result.put("extra", extra);
      out.println(Json.mapper().writeValueAsString(result));
      return 0;
    } catch (IOException | InterruptedException e) {
      err.println(PREFIX + "failed: " + String.join(" ", cmd) + ": " + e.getMessage());
      return 1;
    }
  }

  record Spawned(int exit, long wallNs, long stdoutFnv, String stderrTail) {}

  /** Runs the program once, untimed, polling its VmHWM until it exits; the largest value in bytes. */
  static long polledPeakRss(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Path status = Path.of("/proc/" + p.pid() + "/status");
    long peak = 0;
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
          }
        }
      } catch (IOException | RuntimeException e) {
        // gone between isAlive and the read, or a zombie without memory lines
      }
      java.util.concurrent.locks.LockSupport.parkNanos(100_000);
    }
    p.waitFor();
    return peak;
  }

  /** Nearest-rank percentiles, as the runners report latencies. */
  static Map<String, Object> percentiles(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    Map<String, Object> m = new LinkedHashMap<>();
    int n = s.length;
    for (var e : Map.of("p50", 500, "p90", 900, "p99", 990).entrySet()) {
      int k = Math.max(1, (int) ((e.getValue() * (long) n + 999) / 1000));
      m.put(e.getKey(), n == 0 ? 0 : s[k - 1]);
    }
    m.put("min", n == 0 ? 0 : s[0]);
    m.put("max", n == 0 ? 0 : s[n - 1]);
    m.put("count", n);
    return new java.util.TreeMap<>(m);
  }

  /** The protocol flags the prober reads (the harness always passes all of them). */
  static final class Flags {
    String workload;
    String variant;
    long size = -1;
    int threads = 1;
    int warmup = 3;
    long warmupTimeMs = 0;
    int iterations = 10;
    long seed = 42;

    static Flags parse(String[] args) {
      Flags f = new Flags();
      for (int i = 0; i < args.length; i++) {
        String k = args[i];
        if (i + 1 >= args.length) throw new IllegalArgumentException(k + ": missing its value");
        String v = args[++i];
        try {
          switch (k) {
            case "--workload" -> f.workload = v;
            case "--variant" -> f.variant = v;
            case "--size" -> f.size = Long.parseLong(v);
            case "--threads" -> f.threads = Integer.parseInt(v);
            case "--warmup" -> f.warmup = Integer.parseInt(v);
            case "--warmup-time-ms" -> f.warmupTimeMs = Long.parseLong(v);
            case "--iterations" -> f.iterations = Integer.parseInt(v);
            case "--seed" -> f.seed = Long.parseUnsignedLong(v);
            default -> throw new IllegalArgumentException("unknown flag '" + k + "'; the prober takes the protocol flags");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(k + " must be an integer, got '" + v + "'");
        }
      }
      if (!"startup".equals(f.workload)) throw new IllegalArgumentException("--workload must be startup, got " + f.workload);
      if (f.variant == null) throw new IllegalArgumentException("--variant is required");
      if (f.size != 1) throw new IllegalArgumentException("--size must be 1 (one process per sample), got " + f.size);
      if (f.warmup < 0 || f.iterations < 1 || f.warmupTimeMs < 0) {
        throw new IllegalArgumentException("--warmup >= 0, --warmup-time-ms >= 0 and --iterations >= 1");
      }
      return f;
    }
  }
}
