package org.polybench.graalpy;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.polybench.workloads.MemoryProbe;
import org.polybench.workloads.PeakRss;
import org.polybench.workloads.RunResult;

/**
 * One measured cell of {@link GraalPyRunner}: everything that touches the Polyglot API. Kept out of
 * the main class so that {@code --list} and the flag checks run (and report GraalPy unavailable)
 * in a JVM where polyglot is not on the path at all.
 */
final class GraalPyCell {
  private static final String PREFIX = "polybench-graalpy: ";
  private static final int EXIT_OK = GraalPyRunner.EXIT_OK;
  private static final int EXIT_FAILED = GraalPyRunner.EXIT_FAILED;
  private static final int EXIT_UNAVAILABLE = GraalPyRunner.EXIT_UNAVAILABLE;

  private GraalPyCell() {}

  static int run(GraalPyRunner.Flags flags, String module, Path pythonPath, Inputs.Source inputs, PrintStream out,
      PrintStream err) {
    GraalPy py;
    try {
      py = GraalPy.start(pythonPath);
    } catch (GraalPy.Unavailable e) {
      err.println(PREFIX + "python/" + flags.variant() + " is unavailable: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    }
    try (py) {
      return measure(py, flags, module, inputs, out, err);
    } catch (PolyglotException e) {
      err.println(PREFIX + "failed: " + flags.workload() + " python/" + flags.variant() + ": " + describe(e));
      return EXIT_FAILED;
    }
  }

  private static int measure(GraalPy py, GraalPyRunner.Flags flags, String module, Inputs.Source source, PrintStream out, PrintStream err)
      throws PolyglotException {
    Value impl;
    String pyVariant = GraalPyRunner.PYTHON_VARIANTS.get(flags.variant());
    long importStart = System.nanoTime();
    try {
      impl = py.variant(module, pyVariant);
    } catch (PolyglotException e) {
      err.println(PREFIX + "failed: cannot load the " + pyVariant + " variant of " + module + " from " + py.pythonPath() + ": "
          + describe(e));
      return EXIT_FAILED;
    }
    long importNs = System.nanoTime() - importStart;
    // the baseline: the JVM's peak with the context up and the variant's module imported, no input made
    OptionalLong baseline = PeakRss.bytes();
    // the verification input (dot) first, one untimed call, garbage before the seeded input exists
    String verifyText = py.verifyText(impl, flags.size());
    long t0 = System.nanoTime();
    Value[] inputs = Inputs.make(py, impl, flags.workload(), flags.size(), flags.seed(), source);
    long inputsNs = System.nanoTime() - t0;

    Value kernel = impl.getMember("kernel");
    Value checksum = impl.getMember("checksum");
    String kind = impl.getMember("checksum_kind").asString();
    long[] warmupNs = new long[flags.warmup()];
    long[] samplesNs = new long[flags.iterations()];
    Value first = null;
    py.collectGarbage();
    MemoryProbe.loadBeforeTiming();
    long[] gcStart = null;
    for (int i = 0; i < flags.warmup() + flags.iterations(); i++) {
      if (i == flags.warmup()) gcStart = MemoryProbe.gcCounters();
      long start = System.nanoTime();
      Value output = kernel.execute((Object[]) inputs);
      long elapsed = System.nanoTime() - start;
      if (i < flags.warmup()) {
        warmupNs[i] = elapsed;
      } else {
        samplesNs[i - flags.warmup()] = elapsed;
      }
      if (first == null) {
        // checksummed once, never between two measured calls (as polybench.measure); the
        // allocation call below must give the same
        first = checksum.execute(output);
      }
      output = null; // the output is garbage before the next call, as in polybench.measure
    }

    Map<String, Object> gc = MemoryProbe.gcBetween(gcStart, MemoryProbe.gcCounters());
    // one more call, untimed, for its allocation: GraalPy's Python objects are Java objects made on this
    // thread, so the JVM's per-thread counter sees them (tracemalloc is not what GraalPy's heap runs on)
    Value[] output = new Value[1];
    Map<String, Object> alloc = MemoryProbe.allocation(() -> output[0] = kernel.execute((Object[]) inputs));
    alloc.put("alloc_method", "the JVM's ThreadMXBean.getThreadAllocatedBytes of the thread running the Python code, one untimed call"
        + " (GraalPy allocates its Python objects on the Java heap; tracemalloc does not see that heap)");
    Value again = checksum.execute(output[0]);
    output[0] = null;
    if (!py.agree(first, again, kind)) {
      err.println(PREFIX + "failed: " + flags.workload() + " python/" + flags.variant() + ": the allocation-counting call's checksum "
          + py.checksumText(again, kind) + " disagrees with the first call's " + py.checksumText(first, kind));
      return EXIT_FAILED;
    }

    Map<String, Object> runtime = py.runtimeInfo();
    runtime.put("inputs", flags.workload().equals("binary-trees")
        ? "binary_trees.py's prepare(): the long-lived tree of depth size, kept alive through the run; each iteration builds, counts and drops its own"
        : source == Inputs.Source.JAVA
        ? "made in Java (org.polybench.workloads.SplitMix64, the same doubles) and loaded into Python lists;"
            + " the pure-Python generator of splitmix64.py takes ~10 s per 1e6 doubles under GraalPy"
        : "made by the pure variant's prepare() (splitmix64.py, pure-Python generator)");
    runtime.put("module", py.moduleFile(module));
    runtime.put("python_variant", pyVariant);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("context_startup_ns", py.contextStartupNs());
    extra.put("import_ns", importNs);
    extra.put("inputs_ns", inputsNs);
    extra.putAll(GraalPyRunner.cpuAffinity());
    extra.put("gc", gc);
    if (flags.workload().equals("binary-trees")) {
      // the spec's per-iteration latency percentiles, from the measured samples (docs/workloads.md#binary-trees)
      extra.put("iteration_latency_ns", org.polybench.workloads.tokenize.TokenizeWorkload.percentiles(samplesNs));
    }
    extra.putAll(alloc);
    OptionalLong rss = PeakRss.bytes();
    extra.put("baseline_rss_bytes", baseline.isPresent() ? baseline.getAsLong() : null);
    extra.put("baseline_rss_point", "after the Polyglot context started and the variant's module was imported, before any input is made");
    if (rss.isEmpty()) {
      // peak_rss_bytes is null: say why rather than fall back to another measure
      extra.put("peak_rss_unavailable", "no VmHWM line readable in /proc/self/status");
    }
    RunResult result = new RunResult(
        RunResult.PROTOCOL_VERSION, flags.workload(), "python", flags.variant(), flags.size(), flags.threads(),
        new BigInteger(Long.toUnsignedString(flags.seed())), warmupNs, samplesNs, py.checksumText(first, kind) + verifyText, kind,
        rss.isPresent() ? rss.getAsLong() : null, runtime, extra);
    out.println(result.toJson());
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

}
