package org.polybench.graalpy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.polybench.workloads.PeakRss;
import org.polybench.workloads.RunResult;

/**
 * The runner of {@code python/graalpy} (docs/runner-protocol.md): the pure-Python workload code of
 * python-workloads/polybench (the very files {@code python/pure} runs under CPython, imported, not
 * copied) executed by GraalPy inside this JVM through the GraalVM Polyglot API.
 *
 * <p>Per cell: create the Polyglot context (timed apart: {@code extra.context_startup_ns}), import
 * {@code polybench.<workload>} and take its {@code pure} variant, make the inputs (not timed), then
 * call the variant's kernel {@code warmup + iterations} times with {@link System#nanoTime} around
 * each call alone, checksumming every output with the variant's own checksum.
 *
 * <p>Exit 0 measured, 1 failed (python-workloads missing or broken, iterations disagree), 2 bad
 * arguments, 3 GraalPy unavailable in this JVM. The JSON says language {@code python}, variant
 * {@code graalpy}; {@code runtime.compilation} says whether Truffle compiled the Python code
 * ({@code jit}) or only interpreted it ({@code interpreter}).
 */
public final class GraalPyRunner {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_UNAVAILABLE = 3;

  static final String VARIANT = "graalpy";
  /** The python-workloads directory (holding the polybench package); default ./python-workloads. */
  static final String PYTHON_PATH_PROPERTY = "polybench.python.path";
  /** {@code java} (default) or {@code python}: who makes the inputs, see {@link Inputs}. */
  static final String INPUTS_PROPERTY = "polybench.graalpy.inputs";

  private static final String PREFIX = "polybench-graalpy: ";

  /** The workloads this runner provides, and the Python module each one's code lives in. */
  static final Map<String, String> MODULES = Map.of("dot", "polybench.dot", "normalize", "polybench.normalize");

  private GraalPyRunner() {}

  public static void main(String[] args) {
    int exit;
    try {
      exit = run(args, System.out, System.err, defaultPythonPath(), inputsFromProperty());
    } catch (OutOfMemoryError e) {
      System.err.println(PREFIX + "failed: " + e + " (raise -Xmx or lower --size)");
      exit = EXIT_FAILED;
    }
    System.exit(exit);
  }

  static Path defaultPythonPath() {
    String p = System.getProperty(PYTHON_PATH_PROPERTY);
    return Path.of(p == null || p.isBlank() ? "python-workloads" : p).toAbsolutePath().normalize();
  }

  static Inputs.Source inputsFromProperty() {
    return "python".equals(System.getProperty(INPUTS_PROPERTY)) ? Inputs.Source.PYTHON : Inputs.Source.JAVA;
  }

  /** Runs the protocol and returns the exit code instead of exiting. */
  static int run(String[] argv, PrintStream out, PrintStream err, Path pythonPath, Inputs.Source inputs) {
    Flags flags;
    try {
      flags = Flags.parse(argv);
    } catch (Flags.BadFlag e) {
      err.println(PREFIX + e.getMessage() + "; " + Flags.USAGE);
      return EXIT_USAGE;
    }
    String module = MODULES.get(flags.workload());
    Path moduleFile = pythonPath.resolve(module.replace('.', '/') + ".py");
    if (!Files.isRegularFile(pythonPath.resolve("polybench/__init__.py")) || !Files.isRegularFile(moduleFile)) {
      err.println(PREFIX + "failed: the Python workload code is not where it should be: " + moduleFile
          + " does not exist. python/graalpy runs python-workloads/polybench from the repository;"
          + " run it from the repository root or pass -D" + PYTHON_PATH_PROPERTY + "=/path/to/python-workloads");
      return EXIT_FAILED;
    }

    GraalPy py;
    try {
      py = GraalPy.start(pythonPath);
    } catch (GraalPy.Unavailable e) {
      err.println(PREFIX + "python/graalpy is unavailable: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    }
    try (py) {
      return measure(py, flags, module, inputs, out, err);
    } catch (PolyglotException e) {
      err.println(PREFIX + "failed: " + flags.workload() + " python/graalpy: " + describe(e));
      return EXIT_FAILED;
    }
  }

  private static int measure(GraalPy py, Flags flags, String module, Inputs.Source source, PrintStream out, PrintStream err)
      throws PolyglotException {
    Value impl;
    long importStart = System.nanoTime();
    try {
      impl = py.pureVariant(module);
    } catch (PolyglotException e) {
      err.println(PREFIX + "failed: cannot load the pure variant of " + module + " from " + py.pythonPath() + ": " + describe(e));
      return EXIT_FAILED;
    }
    long importNs = System.nanoTime() - importStart;
    long t0 = System.nanoTime();
    Value[] inputs = Inputs.make(py, impl, flags.workload(), flags.size(), flags.seed(), source);
    long inputsNs = System.nanoTime() - t0;

    Value kernel = impl.getMember("kernel");
    Value checksum = impl.getMember("checksum");
    String kind = impl.getMember("checksum_kind").asString();
    long[] warmupNs = new long[flags.warmup()];
    long[] samplesNs = new long[flags.iterations()];
    Value first = null;
    Value last = null;
    py.collectGarbage();
    for (int i = 0; i < flags.warmup() + flags.iterations(); i++) {
      long start = System.nanoTime();
      Value output = kernel.execute((Object[]) inputs);
      long elapsed = System.nanoTime() - start;
      if (i < flags.warmup()) {
        warmupNs[i] = elapsed;
      } else {
        samplesNs[i - flags.warmup()] = elapsed;
      }
      last = checksum.execute(output);
      output = null; // the output is garbage before the next call, as in polybench.measure
      if (first == null) {
        first = last;
      } else if (!py.agree(first, last, kind)) {
        err.println(PREFIX + "failed: " + flags.workload() + " python/graalpy: iteration " + i + " checksum "
            + py.checksumText(last, kind) + " disagrees with iteration 0 checksum " + py.checksumText(first, kind));
        return EXIT_FAILED;
      }
    }

    Map<String, Object> runtime = py.runtimeInfo();
    runtime.put("inputs", source == Inputs.Source.JAVA
        ? "made in Java (org.polybench.workloads.SplitMix64, the same doubles) and loaded into Python lists;"
            + " the pure-Python generator of splitmix64.py takes ~10 s per 1e6 doubles under GraalPy"
        : "made by the pure variant's prepare() (splitmix64.py, pure-Python generator)");
    runtime.put("module", py.moduleFile(module));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("context_startup_ns", py.contextStartupNs());
    extra.put("import_ns", importNs);
    extra.put("inputs_ns", inputsNs);
    extra.putAll(cpuAffinity());
    OptionalLong rss = PeakRss.bytes();
    RunResult result = new RunResult(
        RunResult.PROTOCOL_VERSION, flags.workload(), "python", VARIANT, flags.size(), flags.threads(),
        new BigInteger(Long.toUnsignedString(flags.seed())), warmupNs, samplesNs, py.checksumText(last, kind), kind,
        rss.isPresent() ? rss.getAsLong() : null, runtime, extra);
    try {
      out.println(new ObjectMapper().writeValueAsString(result));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
    return EXIT_OK;
  }

  /** A guest exception as Python prints its last line, plus where it happened. */
  static String describe(PolyglotException e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    if (e.isGuestException()) {
      for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
        if (f.isGuestFrame() && f.getSourceLocation() != null) {
          s.append(" (at ").append(f.getSourceLocation().getSource().getName()).append(':')
              .append(f.getSourceLocation().getStartLine()).append(')');
          break;
        }
      }
    }
    return s.toString();
  }

  /** The protocol's {@code extra.cpu_affinity}: the CPUs this process may run on. */
  static Map<String, Object> cpuAffinity() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return Map.of("cpu_affinity", line.substring(line.indexOf(':') + 1).strip());
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no procfs: left out rather than guessed
    }
    return Map.of();
  }

  /** The protocol flags, checked with the same rules as the other runners. */
  record Flags(String workload, int size, int threads, int warmup, int iterations, long seed) {
    static final String USAGE = "usage: --workload dot|normalize --variant graalpy --size N [--threads 1]"
        + " [--warmup 3] [--iterations 10] [--seed 42]";
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;
    private static final List<String> KNOWN =
        List.of("--workload", "--variant", "--size", "--threads", "--warmup", "--iterations", "--seed", "--input");

    static final class BadFlag extends Exception {
      BadFlag(String message) {
        super(message, null, false, false);
      }
    }

    static Flags parse(String[] argv) throws BadFlag {
      Map<String, String> v = new LinkedHashMap<>();
      for (int i = 0; i < argv.length; i++) {
        String a = argv[i];
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        if (!KNOWN.contains(name)) {
          throw new BadFlag("unknown argument '" + a + "'");
        }
        if (value == null) {
          if (i + 1 >= argv.length) throw new BadFlag(name + " needs a value");
          value = argv[++i];
        }
        if (v.put(name, value) != null) throw new BadFlag(name + " given twice");
      }
      for (String required : List.of("--workload", "--variant", "--size")) {
        if (!v.containsKey(required)) throw new BadFlag("missing required flag " + required);
      }
      String workload = v.get("--workload");
      if (!MODULES.containsKey(workload)) {
        throw new BadFlag("--workload: python/graalpy does not provide '" + workload + "'; known: "
            + String.join(", ", MODULES.keySet().stream().sorted().toList()));
      }
      if (!VARIANT.equals(v.get("--variant"))) {
        throw new BadFlag("--variant: unknown variant '" + v.get("--variant") + "' for workload " + workload
            + "; known: " + VARIANT);
      }
      if (v.containsKey("--input")) {
        throw new BadFlag("--input: workload " + workload + " generates its input from --seed and reads no file; drop --input");
      }
      int size = intFlag("--size", v.get("--size"), 0, MAX_SIZE, "elements");
      int threads = intFlag("--threads", v.getOrDefault("--threads", "1"), 1, Integer.MAX_VALUE, "threads");
      int warmup = intFlag("--warmup", v.getOrDefault("--warmup", "3"), 0, Integer.MAX_VALUE, "iterations");
      int iterations = intFlag("--iterations", v.getOrDefault("--iterations", "10"), 1, Integer.MAX_VALUE, "iterations");
      if ((long) warmup + iterations > Integer.MAX_VALUE) {
        throw new BadFlag("--warmup plus --iterations must not exceed " + Integer.MAX_VALUE);
      }
      String seedText = v.getOrDefault("--seed", "42").trim();
      long seed;
      try {
        // unsigned: seeds up to 2^64 - 1 keep their bit pattern in the long
        seed = Long.parseUnsignedLong(seedText);
      } catch (NumberFormatException e) {
        throw new BadFlag("--seed must be an unsigned 64-bit integer (0 to " + Long.toUnsignedString(-1L)
            + "), got '" + seedText + "'");
      }
      return new Flags(workload, size, threads, warmup, iterations, seed);
    }

    private static int intFlag(String flag, String value, int min, int max, String unit) throws BadFlag {
      String rule = flag + " must be an integer "
          + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max) + " (" + unit + ")";
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new BadFlag(rule + ", got '" + value + "'");
      }
      if (parsed < min || parsed > max) throw new BadFlag(rule + ", got " + value.trim());
      return (int) parsed;
    }
  }
}
