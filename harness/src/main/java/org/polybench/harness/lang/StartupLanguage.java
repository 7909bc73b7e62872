package org.polybench.harness.lang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;

/**
 * The runner of the {@code startup} workload: the harness's own prober
 * ({@code org.polybench.harness.startup.StartupProbe}, in the harness jar) that spawns each
 * language's minimal program directly and times the whole process, as hyperfine does. Its
 * catalogue rows name their own language ({@code python/bare}, {@code rust/empty}, ...); the
 * programs it starts are built by the other languages (venv, cargo, the workloads jar).
 */
public final class StartupLanguage implements Language {
  static final String MAIN = "org.polybench.harness.startup.StartupProbe";

  @Override
  public String name() {
    return "startup";
  }

  static Path harnessJar(Project project) {
    return project.root().resolve("harness/target/polybench-harness.jar");
  }

  @Override
  public Availability check(Project project) {
    if (!Files.isRegularFile(harnessJar(project))) {
      return Availability.missing("harness/target/polybench-harness.jar is missing: run ./bench build");
    }
    return Availability.OK;
  }

  /** The prober is the harness jar itself (the programs it starts belong to the other runners' builds). */
  @Override
  public Map<String, Object> buildId(Project project) {
    return Language.hashOf(project, "harness/target/polybench-harness.jar");
  }

  /**
   * A probing JVM starts from its class-data archive: the prober's own start-up (about 0.45 s of
   * each of its processes, 0.3 s with the archive) is not in any figure, it times the programs it
   * spawns; the archive only shortens the run.
   */
  @Override
  public List<String> command(Project project, List<String> flags) {
    return command(project, JavaLanguage.classDataSharing(project, "startup-probe", harnessJar(project), List.of()), flags);
  }

  /** The catalogue's JVM starts without the archive, as the Java runner's does (JavaLanguage#listCommand). */
  @Override
  public List<String> listCommand(Project project) {
    return command(project, List.of(), List.of("--list"));
  }

  private List<String> command(Project project, List<String> archiveFlags, List<String> flags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + "/bin/java");
    cmd.addAll(archiveFlags);
    cmd.add("-Dpolybench.root=" + project.root());
    cmd.addAll(List.of("-cp", harnessJar(project).toString(), MAIN));
    cmd.addAll(flags);
    return cmd;
  }

  @Override
  public Map<String, Object> describe(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("prober", MAIN + " (processes spawned and timed by the native polybench-spawn, no shell; /bin/true as the spawn floor)");
    d.put("java", System.getProperty("java.runtime.version"));
    return d;
  }
}
