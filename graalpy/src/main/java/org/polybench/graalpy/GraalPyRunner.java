package org.polybench.graalpy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.polybench.workloads.Catalogue;
import org.polybench.workloads.Kind;
import org.polybench.workloads.Runner;
import org.polybench.workloads.RunResult;

/**
 * The runner of {@code python/graalpy} (docs/runner-protocol.md): the pure-Python workload code of
 * python-workloads/polybench (the very files {@code python/pure} runs under CPython, imported, not
 * copied) executed by GraalPy inside this JVM through the GraalVM Polyglot API.
 *
 * <p>Per cell: create the Polyglot context (timed apart: {@code extra.context_startup_ns}), import
 * {@code polybench.<workload>} and take its {@code pure} variant ({@code graalpy}) or its {@code loop} variant
 * ({@code graalpy-loop}), make the inputs (not timed), then
 * call the variant's kernel {@code warmup + iterations} times with {@link System#nanoTime} around
 * each call alone, checksumming the first output with the variant's own checksum and the output of
 * one more untimed call after them (never between two measured calls: a digest there changes the
 * next call's time).
 *
 * <p>Exit 0 measured, 1 failed (python-workloads missing or broken, iterations disagree), 2 bad
 * arguments, 3 GraalPy unavailable in this JVM. The JSON says language {@code python}, variant
 * {@code graalpy}; {@code runtime.compilation} says whether Truffle compiled the Python code
 * ({@code jit}) or only interpreted it ({@code interpreter}).
 */
public final class GraalPyRunner {
  static final int EXIT_OK = Runner.EXIT_OK;
  static final int EXIT_FAILED = Runner.EXIT_FAILED;
  static final int EXIT_USAGE = Runner.EXIT_USAGE;
  static final int EXIT_UNAVAILABLE = Runner.EXIT_UNAVAILABLE;

  /** The runner's name (in the catalogue and the harness), and its first variant. */
  static final String VARIANT = "graalpy";

  /**
   * The catalogue's variants, in order, and the python-workloads variant each runs: the same .py
   * code CPython runs as {@code python/pure} and {@code python/loop}.
   */
  static final Map<String, String> PYTHON_VARIANTS = orderedMap("graalpy", "pure", "graalpy-loop", "loop");

  /** One line per variant for {@code --list}. */
  static final Map<String, String> DESCRIPTIONS = orderedMap(
      "graalpy", "the same pure-Python code as python/pure, run by GraalPy inside the JVM"
          + " (Polyglot API, Truffle JIT with the Graal compiler via JVMCI)",
      "graalpy-loop", "the same explicit index loop as python/loop, run by GraalPy inside the JVM"
          + " (Polyglot API, Truffle JIT with the Graal compiler via JVMCI)");
  /** The python-workloads directory (holding the polybench package); default ./python-workloads. */
  static final String PYTHON_PATH_PROPERTY = "polybench.python.path";
  /** {@code java} (default) or {@code python}: who makes the inputs, see {@link Inputs}. */
  static final String INPUTS_PROPERTY = "polybench.graalpy.inputs";

  private static final String PREFIX = "polybench-graalpy: ";

  /** The workloads this runner provides, and the Python module each one's code lives in. */
  static final Map<String, String> MODULES =
      Map.of("dot", "polybench.dot", "normalize", "polybench.normalize", "binary-trees", "polybench.binary_trees");

  /** The catalogue's table (runner protocol 2): one row per workload, in this order. */
  static final List<String> WORKLOADS = List.of("dot", "normalize", "binary-trees");

  /** The variants of one workload: binary_trees.py has only the pure variant, so no graalpy-loop. */
  static List<String> variants(String workload) {
    if (!WORKLOADS.contains(workload)) return List.of();
    return workload.equals("binary-trees") ? List.of(VARIANT) : List.copyOf(PYTHON_VARIANTS.keySet());
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Classes whose presence (looked up as resources, nothing loaded or started) says GraalPy can start. */
  static final List<String> NEEDED_CLASSES =
      List.of("org/graalvm/polyglot/Context.class", "com/oracle/graal/python/PythonLanguage.class");

  private GraalPyRunner() {}

  public static void main(String[] args) {
    org.polybench.workloads.HarnessWatch.start();
    int exit;
    try {
      exit = run(args, System.out, System.err, defaultPythonPath(), inputsFromProperty());
    } catch (OutOfMemoryError e) {
      System.err.println(PREFIX + "failed: " + e + " (raise -Xmx or lower --size)");
      exit = EXIT_FAILED;
    }
    org.polybench.workloads.HarnessWatch.stop();
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
    if (List.of(argv).contains(Runner.LIST)) {
      out.println(catalogue(pythonPath).toJson());
      out.flush();
      return EXIT_OK;
    }
    Flags flags;
    try {
      flags = Flags.parse(argv);
    } catch (org.polybench.workloads.ProtocolFlags.BadFlag e) {
      err.println(PREFIX + e.getMessage() + "; " + Flags.USAGE);
      return EXIT_USAGE;
    }
    String module = MODULES.get(flags.workload());
    String missingCode = missingCode(pythonPath, flags.workload());
    if (missingCode != null) {
      err.println(PREFIX + "failed: " + missingCode);
      return EXIT_FAILED;
    }

    return GraalPyCell.run(flags, module, pythonPath, inputs, out, err);
  }

  /** Why the workload's Python code cannot be found under {@code pythonPath}, or null when it is there. */
  static String missingCode(Path pythonPath, String workload) {
    Path moduleFile = pythonPath.resolve(MODULES.get(workload).replace('.', '/') + ".py");
    if (Files.isRegularFile(pythonPath.resolve("polybench/__init__.py")) && Files.isRegularFile(moduleFile)) {
      return null;
    }
    return "the Python workload code is not where it should be: " + moduleFile
        + " does not exist. python/graalpy runs python-workloads/polybench from the repository;"
        + " run it from the repository root or pass -D" + PYTHON_PATH_PROPERTY + "=/path/to/python-workloads";
  }

  /** Why GraalPy cannot start in this JVM, or null; cheap: looks the classes up as resources, starts nothing. */
  static String missingGraalPy() {
    ClassLoader loader = GraalPyRunner.class.getClassLoader();
    for (String c : NEEDED_CLASSES) {
      if (loader.getResource(c) == null && ClassLoader.getSystemResource(c) == null) {
        return "python/graalpy is unavailable: " + c.replace('/', '.').replace(".class", "") + " is not on the"
            + " class or module path; GraalPy (org.graalvm.polyglot:python-community) must be on the module path:"
            + " build it with ./bench build (Maven module graalpy/)";
      }
    }
    return null;
  }

  /** The {@code --list} document: python/graalpy (and python/graalpy-loop for dot and normalize), opt-in. */
  static Catalogue catalogue(Path pythonPath) {
    String graalPy = missingGraalPy();
    List<Catalogue.Row> rows = new java.util.ArrayList<>();
    for (String workload : WORKLOADS) {
      String reason = graalPy != null ? graalPy : missingCode(pythonPath, workload);
      for (String variant : variants(workload)) {
        String why = reason == null ? null : reason.replace("python/graalpy is", "python/" + variant + " is");
        rows.add(new Catalogue.Row(workload, variant, Kind.NAIVE, DESCRIPTIONS.get(variant), why == null, why, true));
      }
    }
    return new Catalogue(RunResult.PROTOCOL_VERSION, VARIANT, "python", rows);
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

  /** The flag parser's view of this runner: dot, normalize and binary-trees, no --input. */
  static final org.polybench.workloads.ProtocolFlags.Table TABLE = new org.polybench.workloads.ProtocolFlags.Table() {
    @Override
    public List<String> workloads() {
      return WORKLOADS;
    }

    @Override
    public List<String> variants(String workload) {
      return GraalPyRunner.variants(workload);
    }

    @Override
    public boolean readsInputFile(String workload) {
      return false;
    }
  };

  /** The protocol flags, parsed and checked by the Java runner's parser ({@code ProtocolFlags}). */
  record Flags(String workload, String variant, int size, int threads, int warmup, int iterations, long seed) {
    static final String USAGE = "usage: --list | --workload dot|normalize|binary-trees --variant graalpy|graalpy-loop (binary-trees: graalpy) --size N [--threads 1]"
        + " [--warmup 3] [--iterations 10] [--seed 42]";

    static Flags parse(String[] argv) throws org.polybench.workloads.ProtocolFlags.BadFlag {
      var f = org.polybench.workloads.ProtocolFlags.parse(argv, TABLE);
      return new Flags(f.workload(), f.variant(), f.size(), f.threads(), f.warmup(), f.iterations(), f.seed());
    }
  }
}
