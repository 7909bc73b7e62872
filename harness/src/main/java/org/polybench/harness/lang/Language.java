package org.polybench.harness.lang;

import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.protocol.RunnerArgs;

/**
 * A language the harness can build and run. Adding one is one file implementing this plus one line
 * in {@link Languages}; its runner speaks docs/runner-protocol.md.
 */
public sealed interface Language permits PythonLanguage, RustLanguage, JavaLanguage, GraalPyLanguage, StartupLanguage {
  String name();

  /**
   * Builds whatever is stale (saying what it does), then reports whether the runner can start. By
   * default there is nothing to build here: the JVM runners' jars come from the Maven step that
   * {@code ./bench} runs before the harness starts, so this is {@link #check}.
   */
  default Availability build(Project project, BuildLog log) {
    return check(project);
  }

  /** Whether the runner is built and its toolchain present, without building anything. */
  Availability check(Project project);

  /** The command line that starts this runner with the given protocol flags. */
  List<String> command(Project project, List<String> flags);

  /** The command line of one measuring invocation. */
  default List<String> command(Project project, RunnerArgs args) {
    return command(project, args.flags());
  }

  /**
   * The command line of process {@code invocation} (1-based) of a cell: {@link #command(Project,
   * RunnerArgs)} unless the runner skips, after the first process, work whose figures are the
   * same in every process (CPython: tracemalloc's allocation call, {@code --no-alloc-peak}).
   */
  default List<String> command(Project project, RunnerArgs args, int invocation) {
    return command(project, args);
  }

  /** The command line that asks the runner for its catalogue (docs/runner-protocol.md, {@code --list}). */
  default List<String> listCommand(Project project) {
    return command(project, List.of("--list"));
  }

  /**
   * Whether this runner compiles while it runs (HotSpot, Truffle). Such runners get the large,
   * work-based warm-up ({@link org.polybench.harness.plan.Settings#warmupFor}) so they are not
   * timed mid-compilation; the others (CPython, ahead-of-time Rust) reach steady state within the
   * --warmup count and would only spend minutes re-running it.
   */
  default boolean jit() {
    return false;
  }

  /**
   * Whether the harness measures this runner's baseline in a fresh {@code --baseline} process
   * ({@link org.polybench.harness.run.Baselines}) rather than keep the runner's in-process figure:
   * for a runtime that grows while it measures (class loading, JIT, heap) after its in-process read.
   */
  default boolean freshBaseline() {
    return false;
  }

  /** The directory the runner starts in. */
  default java.nio.file.Path workingDir(Project project) {
    return project.root();
  }

  /**
   * Which build of this runner a run measured, for results.json's environment.builds: what was
   * hashed (paths relative to the repository) and its SHA-256, so a stale binary or extension can
   * never pass for the current one.
   */
  Map<String, Object> buildId(Project project);

  /** One buildId entry: the hash of one file of the project (a runner binary or jar). */
  static Map<String, Object> hashOf(Project project, java.nio.file.Path file) {
    return hashOf(project, project.root().relativize(file).toString());
  }

  /** One buildId entry: the hash of {@code paths} (relative to the repository root). */
  static Map<String, Object> hashOf(Project project, String... paths) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    List<java.nio.file.Path> ps = java.util.Arrays.stream(paths).map(project.root()::resolve).toList();
    d.put("of", List.of(paths));
    d.put("sha256", org.polybench.harness.build.Tools.sha256(project.root(), ps));
    return d;
  }

  /** Versions of the toolchain and libraries this language uses, for results.json. */
  Map<String, Object> describe(Project project);
}
