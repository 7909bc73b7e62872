package org.polybench.harness.instructions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polybench.harness.Project;
import org.polybench.harness.build.Tools;
import org.polybench.harness.compare.CellKey;
import org.polybench.harness.lang.Language;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.protocol.RunnerArgs;
import org.polybench.harness.store.CellResult;

/**
 * Instructions per kernel call under Valgrind's callgrind, for the ahead-of-time (Rust) and
 * interpreted (CPython) cells: deterministic where timings on a shared CI runner are not.
 *
 * <p>Rust: callgrind collects only inside the kernels crate ({@code polybench_kernels}, which
 * holds the kernels and nothing of the runner), so the count is the kernel's alone. CPython (and
 * the Rust cells' cross-check) by difference: the runner is run twice under callgrind with
 * the same seed and one warm-up call, once with 1 measured call and once with 1 + k; (I(1+k) -
 * I(1)) / k is the instruction count of one warm call, without process start-up, imports and input
 * generation (identical in both). It includes the runner's own per-call bookkeeping (two clock
 * reads, storing the sample, writing it into the JSON answer: about 40 instructions in Rust),
 * negligible except for the smallest Rust kernels, and the same from run to run. k grows for small
 * sizes so the difference is far above the run-to-run jitter of the start-up (about 100
 * instructions of CPython's ~5e8). {@code PYTHONHASHSEED=0} keeps CPython's hashing fixed.
 *
 * <p>JIT-compiled cells (Java on HotSpot, GraalPy on Truffle) are not counted: under Valgrind the
 * count is dominated by the compiler and the interpreter and varies with compilation timing, so
 * it says nothing about the steady-state kernel.
 */
public final class InstructionCounter {
  private static final Pattern COLLECTED = Pattern.compile("Collected\\s*:\\s*(\\d+)");
  private final Project project;
  private final Function<String, Optional<Language>> languages;
  /** The Rust runner built for Valgrind, or null until built; a failure to build, as a reason. */
  private Path rustRunner;
  private String rustProblem;

  public InstructionCounter(Project project, Function<String, Optional<Language>> languages) {
    this.project = project;
    this.languages = languages;
  }

  /** One cell's count, or why it has none; {@code method} says what was counted. */
  public record Count(CellKey cell, Double perCall, int calls, long base, long withCalls, String reason, String method) {
    Count(CellKey cell, String reason) {
      this(cell, null, 0, 0, 0, reason, null);
    }
  }

  /**
   * Rust: only the instructions inside the kernels crate (no timing, no JSON, no sorting of
   * samples there), so the count is the kernel's alone and exactly repeatable.
   */
  static final String RUST_KERNELS = "--toggle-collect=polybench_kernels::*";
  static final String RUST_METHOD = "instructions inside the kernels crate only (callgrind " + RUST_KERNELS + ")";
  static final String DIFFERENCE_METHOD = "whole process, by difference of 1 and 1+k calls (includes the runner's per-call bookkeeping)";

  public static Optional<Path> valgrind() {
    return Tools.which("valgrind");
  }

  /** Why a cell is not counted, or null when it can be. */
  static String whyNot(Cell cell, CellResult m) {
    String runner = cell.implementation().runner();
    if (runner.equals("java")) return "not counted: JIT-compiled (HotSpot); under Valgrind the count is the compiler's and the interpreter's, not the kernel's";
    if (runner.equals("graalpy")) return "not counted: JIT-compiled (Truffle on the JVM); under Valgrind the count is the compiler's and the interpreter's, not the kernel's";
    if (cell.threads() > 1) return "not counted: " + cell.threads() + " threads (Valgrind serialises threads; the count would depend on scheduling)";
    if (cell.implementation().id().equals("python/processes")) return "not counted: the work runs in child processes";
    if (m == null || !m.usable()) return "not counted: the cell was not measured and verified in this run";
    return null;
  }

  public Count count(Cell cell, long seed, Path input, CellResult verified, Path valgrind, long timeoutSeconds) {
    CellKey key = new CellKey(cell.workload().name(), cell.implementation().id(), cell.size(), cell.threads());
    String why = whyNot(cell, verified);
    if (why != null) return new Count(key, why);
    Language lang = languages.apply(cell.implementation().runner()).orElse(null);
    if (lang == null) return new Count(key, "not counted: no runner for " + cell.implementation().runner());
    // k grows for small kernels so the start-up jitter (hundreds of instructions) is under 1e-4 of the difference
    int k = (int) Math.max(2, Math.min(2000, Math.ceil(2e6 / Math.max(1, cell.size()))));
    try {
      long base = run(lang, cell, seed, input, 1, valgrind, timeoutSeconds);
      long more = run(lang, cell, seed, input, 1 + k, valgrind, timeoutSeconds);
      double perCall = (more - base) / (double) k;
      boolean rust = cell.implementation().runner().equals("rust");
      if (perCall <= 0) {
        return new Count(key, "not counted: no instructions collected for the kernel" + (rust ? " inside polybench_kernels" : ""));
      }
      return new Count(key, perCall, k, base, more, null, rust ? RUST_METHOD : DIFFERENCE_METHOD);
    } catch (IOException e) {
      return new Count(key, "not counted: " + e.getMessage());
    }
  }

  /**
   * The timed Rust runner is built with -C target-cpu=native, which on an AVX-512 CPU emits
   * instructions Valgrind cannot run; the counts come from the same sources built for a CPU
   * Valgrind knows (x86-64-v3: AVX2, FMA), in target/valgrind, once.
   */
  private Path rustRunner() throws IOException {
    if (rustRunner != null) return rustRunner;
    if (rustProblem != null) throw new IOException(rustProblem);
    Path dir = project.rustDir();
    String cpu = "amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch")) ? "x86-64-v3" : "generic";
    Optional<Path> cargo = Tools.which("cargo");
    Path bin = dir.resolve("target/valgrind/release/polybench-runner");
    if (cargo.isEmpty()) {
      rustProblem = "cargo not found, so no runner built for Valgrind (-C target-cpu=" + cpu + ")";
      throw new IOException(rustProblem);
    }
    if (!Tools.runVisible(List.of(cargo.get().toString(), "build", "--release", "--quiet", "-p", "polybench-runner",
        "--target-dir", "target/valgrind"), dir, java.util.Map.of("RUSTFLAGS", "-C target-cpu=" + cpu)) || !Files.isExecutable(bin)) {
      rustProblem = "building the Rust runner for Valgrind (-C target-cpu=" + cpu + ") failed (output above)";
      throw new IOException(rustProblem);
    }
    rustRunner = bin;
    return bin;
  }

  /** The CPU the Rust runner is built for when counting. */
  public static String rustTarget() {
    return "x86-64-v3 on x86_64, else generic (the timed build uses native)";
  }

  private long run(Language lang, Cell cell, long seed, Path input, int iterations, Path valgrind, long timeoutSeconds) throws IOException {
    RunnerArgs args = new RunnerArgs(cell.workload().name(), cell.implementation().variant(), cell.size(), 1, 1, iterations, seed, input);
    Path out = Files.createTempFile("polybench-callgrind", ".out");
    List<String> cmd = new ArrayList<>(List.of(valgrind.toString(), "--tool=callgrind", "--callgrind-out-file=" + out));
    List<String> runner = new ArrayList<>(lang.command(project, args));
    // one call per sample: the runners calibrate calls per sample to the clock, and under Valgrind
    // that timing decided how many calls a run made (dot rust/naive at 1e4, on a slow spell of the
    // machine: 121,431 instructions a "call", about four calls a sample, where one call is 30,020)
    runner.add("--no-calibration");
    if (cell.implementation().runner().equals("rust")) {
      runner.set(0, rustRunner().toString());
      cmd.add(RUST_KERNELS);
    }
    cmd.addAll(runner);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(lang.workingDir(project).toFile());
    pb.environment().put("PYTHONHASHSEED", "0");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path err = Files.createTempFile("polybench-callgrind", ".err");
    pb.redirectError(err.toFile());
    try {
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("callgrind took over " + timeoutSeconds + " s (--timeout)");
      }
      String text = Files.readString(err, StandardCharsets.UTF_8);
      Matcher m = COLLECTED.matcher(text);
      if (p.exitValue() != 0 || !m.find()) {
        if (text.contains("unhandled instruction")) {
          throw new IOException("this build uses an instruction Valgrind cannot run (vex: unhandled instruction; "
              + "-C target-cpu=native on a CPU with AVX-512?), exit " + p.exitValue());
        }
        String last = text.lines().filter(l -> !l.isBlank() && !l.contains("refs:")).reduce((a, b) -> b).orElse("");
        throw new IOException("the runner under callgrind exited with " + p.exitValue() + ": " + last);
      }
      return Long.parseLong(m.group(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
