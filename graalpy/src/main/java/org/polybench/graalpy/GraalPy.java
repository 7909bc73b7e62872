package org.polybench.graalpy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.polybench.workloads.RuntimeInfo;

/**
 * One GraalPy context with python-workloads on its {@code sys.path}, and the few Python helpers the
 * runner calls. Creating it (the Polyglot engine and context, and initialising Python) is timed
 * apart from the kernel: {@link #contextStartupNs()}.
 */
final class GraalPy implements AutoCloseable {
  /** GraalPy is not on the module path (or cannot start here): the runner's exit 3. */
  static final class Unavailable extends Exception {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What {@link Engine#getImplementationName()} says when Truffle has no compiler: the fallback runtime. */
  static final String INTERPRETED = "Interpreted";

  /**
   * Helpers, evaluated once in the context. Nothing here runs inside the timed region; the kernel
   * and the checksum are the pure variant's own, from python-workloads/polybench.
   */
  private static final String HELPERS =
      """
      import array, gc, importlib, platform, sys
      from polybench.measure import agree, format_checksum, verify_checksums

      def variant(module, name):
          return importlib.import_module(module).VARIANTS[name]()

      def module_file(module):
          return importlib.import_module(module).__file__

      def doubles_from_file(path, n):
          # n float64, little-endian (written by Java), as a list of Python floats
          a = array.array("d")
          with open(path, "rb") as f:
              a.frombytes(f.read())
          if sys.byteorder != "little":
              a.byteswap()
          if len(a) != n:
              raise ValueError(f"{path} holds {len(a)} doubles, expected {n}")
          return a.tolist()

      def checksum_text(value, kind):
          return format_checksum(value, kind)

      def verify_text(impl, size):
          # the verification inputs' checksums (dot), each after a space; "" for other workloads
          return "".join(" " + format_checksum(v, impl.checksum_kind) for v in verify_checksums(impl, size))

      def versions():
          v = sys.implementation.version
          return (platform.python_implementation(), platform.python_version(), f"{v.major}.{v.minor}.{v.micro}",
                  sys.implementation.name)
      """;

  private final Context context;
  private final Path pythonPath;
  private final long contextStartupNs;
  private Value helpers;

  private GraalPy(Context context, Path pythonPath, long contextStartupNs) {
    this.context = context;
    this.pythonPath = pythonPath;
    this.contextStartupNs = contextStartupNs;
  }

  /** The helpers' globals; the first call imports them (and polybench.measure). */
  private Value helpers() {
    if (helpers == null) {
      context.eval(Source.newBuilder("python", HELPERS, "polybench_graalpy_helpers.py").buildLiteral());
      helpers = context.getBindings("python");
    }
    return helpers;
  }

  /** Creates the context and initialises Python; {@code pythonPath} holds the polybench package. */
  static GraalPy start(Path pythonPath) throws Unavailable {
    long t0 = System.nanoTime();
    Context context;
    try {
      context =
          Context.newBuilder("python")
              // read-only use: the .py files of python-workloads and the temporary input files
              .allowIO(IOAccess.ALL)
              .option("python.PythonPath", pythonPath.toString())
              // no __pycache__ written into the repository
              .option("python.DontWriteBytecodeFlag", "true")
              .build();
    } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
      throw new Unavailable(
          "cannot create a GraalPy context (" + e.getMessage() + "); GraalPy (org.graalvm.polyglot:python-community) must be on"
              + " the module path: build it with ./bench build (Maven module graalpy/)", e);
    }
    try {
      context.initialize("python");
    } catch (PolyglotException e) {
      context.close();
      throw new Unavailable("GraalPy failed to initialise: " + e.getMessage(), e);
    }
    long startup = System.nanoTime() - t0;
    return new GraalPy(context, pythonPath, startup);
  }

  Path pythonPath() {
    return pythonPath;
  }

  long contextStartupNs() {
    return contextStartupNs;
  }

  /** Evaluates a Python expression or statements (tests). */
  Value eval(String code) {
    return context.eval("python", code);
  }

  /** The {@code Impl} of {@code VARIANTS[name]} of a polybench module, e.g. polybench.dot and "pure". */
  Value variant(String module, String name) {
    return helpers().getMember("variant").execute(module, name);
  }

  /** The {@code Impl} of {@code VARIANTS["pure"]} of a polybench module. */
  Value pureVariant(String module) {
    return variant(module, "pure");
  }

  String moduleFile(String module) {
    return helpers().getMember("module_file").execute(module).asString();
  }

  /** Reads {@code n} little-endian float64 from a file into a Python list of floats. */
  Value doublesFromFile(Path file, int n) {
    return helpers().getMember("doubles_from_file").execute(file.toString(), n);
  }

  /** polybench.measure.agree: the rule the CPython runner applies between iterations. */
  boolean agree(Value first, Value other, String kind) {
    return helpers().getMember("agree").execute(first, other, kind).asBoolean();
  }

  String checksumText(Value value, String kind) {
    return helpers().getMember("checksum_text").execute(value, kind).asString();
  }

  /**
   * polybench.measure.verify_checksums: the kernel once, untimed, on the workload's verification
   * inputs (dot), formatted to follow the seeded checksum; "" when the workload has none.
   */
  String verifyText(Value impl, int size) {
    return helpers().getMember("verify_text").execute(impl, size).asString();
  }

  void collectGarbage() {
    helpers().getMember("gc").getMember("collect").execute();
  }

  /** Whether Truffle has a compiler here: false on the fallback (interpreter-only) runtime. */
  boolean jitCompiled() {
    return !INTERPRETED.equals(context.getEngine().getImplementationName());
  }

  /** The protocol's {@code runtime} object. */
  Map<String, Object> runtimeInfo() {
    Value v = helpers().getMember("versions").execute();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", "GraalPy");
    info.put("version", v.getArrayElement(2).asString());
    info.put("python_version", v.getArrayElement(1).asString());
    info.put("platform_implementation", v.getArrayElement(0).asString());
    info.put("engine", context.getEngine().getImplementationName());
    boolean jit = jitCompiled();
    // never call an interpreter-only run compiled: this comes from the engine itself
    info.put("compilation", jit ? "jit" : "interpreter");
    info.put("jit_compiled", jit);
    info.put("jvmci_enabled", vmOption("EnableJVMCI"));
    info.put("graal_compiler", ModuleLayer.boot().configuration().findModule("jdk.graal.compiler")
        .flatMap(m -> m.reference().location()).map(Object::toString).orElse(null));
    info.put("polyglot", polyglotVersion());
    info.put("python_path", pythonPath.toString());
    info.put("jvm", RuntimeInfo.describe(Map.of()));
    return info;
  }

  private static String vmOption(String name) {
    try {
      return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Implementation-Version of the polyglot jar (its manifest has it in a "polyglot" section). */
  private static String polyglotVersion() {
    try {
      var location = Engine.class.getProtectionDomain().getCodeSource().getLocation();
      try (var jar = new java.util.jar.JarFile(Path.of(location.toURI()).toFile())) {
        var manifest = jar.getManifest();
        String main = manifest.getMainAttributes().getValue("Implementation-Version");
        var section = manifest.getAttributes("polyglot");
        return main != null ? main : section == null ? null : section.getValue("Implementation-Version");
      }
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
