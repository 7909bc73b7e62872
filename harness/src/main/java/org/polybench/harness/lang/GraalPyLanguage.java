package org.polybench.harness.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.polybench.harness.Project;

/**
 * The runner of {@code python/graalpy}: Python code run by GraalPy inside a JVM, through the GraalVM
 * Polyglot API (Maven module {@code graalpy/}). Its implementations are language "python"
 * ({@code Implementation.runner()} names this one), and so is its JSON.
 *
 * <p>./bench builds the module with Maven before the harness starts, so there is nothing to build
 * here. The runner starts on the harness's own JDK with Truffle's optimizing runtime as the
 * GraalVM docs describe for a stock JDK: JVMCI enabled, the Graal compiler jars on the upgrade
 * module path, polyglot, Truffle and GraalPy on the module path. The runner records in
 * {@code runtime.compilation} whether Truffle really compiled ({@code jit}) or fell back to
 * interpreting ({@code interpreter}, e.g. on a JDK whose JVMCI the compiler jar does not fit).
 */
public final class GraalPyLanguage implements Language {
  static final String MAIN = "org.polybench.graalpy.GraalPyRunner";

  @Override
  public String name() {
    return "graalpy";
  }

  private static Path dir(Project project) {
    return project.root().resolve("graalpy/target");
  }

  static Path runnerJar(Project project) {
    return dir(project).resolve("polybench-graalpy.jar");
  }

  /** polyglot, truffle, GraalPy and the runner's other dependencies: the module path. */
  static Path modulePath(Project project) {
    return dir(project).resolve("lib");
  }

  /** The Graal compiler and its dependencies: the upgrade module path. */
  static Path compilerPath(Project project) {
    return dir(project).resolve("compiler");
  }

  /** Truffle compiles the Python code while it runs: the runner gets the work-based warm-up. */
  @Override
  public boolean jit() {
    return true;
  }

  @Override
  public Availability check(Project project) {
    String fix = ": run ./bench build (its Maven step builds the graalpy module and copies the GraalVM jars)";
    if (!Files.isRegularFile(runnerJar(project))) {
      return Availability.missing("graalpy/target/polybench-graalpy.jar is missing" + fix);
    }
    if (jarVersion(modulePath(project), "polyglot").isEmpty() || jarVersion(modulePath(project), "python-language").isEmpty()) {
      return Availability.missing("the GraalPy jars (polyglot, python-language) are missing from graalpy/target/lib" + fix);
    }
    if (jarVersion(compilerPath(project), "compiler").isEmpty()) {
      return Availability.missing("the Graal compiler jar is missing from graalpy/target/compiler" + fix);
    }
    return Availability.OK;
  }

  @Override
  public List<String> command(Project project, List<String> flags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    cmd.addAll(jvmFlags(project));
    cmd.add("-Dpolybench.python.path=" + project.pythonDir());
    cmd.addAll(List.of("-cp", runnerJar(project).toString(), MAIN));
    cmd.addAll(flags);
    return cmd;
  }

  /**
   * The command that starts another main class of the GraalPy jar on the same JVM flags as the
   * runner (the startup workload's {@code org.polybench.graalpy.StartupMain}).
   */
  public static List<String> mainCommand(Project project, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    cmd.addAll(jvmFlags(project));
    cmd.addAll(List.of("-cp", runnerJar(project).toString(), mainClass));
    return cmd;
  }

  /** The flags that give Truffle its JIT on a stock JDK, and put polyglot/GraalPy on the module path. */
  static List<String> jvmFlags(Project project) {
    List<String> f = new ArrayList<>();
    f.add("-XX:+UnlockExperimentalVMOptions");
    f.add("-XX:+EnableJVMCI");
    f.add("--upgrade-module-path=" + compilerPath(project));
    f.add("--module-path=" + modulePath(project));
    // the runner itself is on the class path; it reads every module of the module path
    f.add("--add-modules=ALL-MODULE-PATH");
    // Truffle loads native code and (JDK 23+) uses sun.misc.Unsafe: allowed, instead of warnings on stderr
    f.add("--enable-native-access=org.graalvm.truffle");
    if (Runtime.version().feature() >= 23) {
      f.add("--sun-misc-unsafe-memory-access=allow");
    }
    return f;
  }

  /** The version in a jar's file name, {@code polyglot-25.0.3.jar} -> 25.0.3. */
  static Optional<String> jarVersion(Path dir, String artifact) {
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(artifact + "-") && n.endsWith(".jar"))
          .map(n -> n.substring(artifact.length() + 1, n.length() - ".jar".length()))
          .filter(v -> !v.isEmpty() && Character.isDigit(v.charAt(0)))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Object> buildId(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("runner", Language.hashOf(project, runnerJar(project)));
    d.put("python_sources", Language.hashOf(project, "python-workloads/polybench"));
    return d;
  }

  @Override
  public Map<String, Object> describe(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    jarVersion(modulePath(project), "python-language").ifPresent(v -> d.put("graalpy", v));
    jarVersion(modulePath(project), "polyglot").ifPresent(v -> d.put("polyglot", v));
    jarVersion(compilerPath(project), "compiler").ifPresent(v -> d.put("graal_compiler", v));
    d.put("java", System.getProperty("java.runtime.version"));
    d.put("jvm_flags", String.join(" ", jvmFlags(project)));
    return d;
  }
}
