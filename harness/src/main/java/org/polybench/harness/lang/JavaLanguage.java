package org.polybench.harness.lang;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;

/**
 * The Java workloads jar, run in a fresh JVM of the same JDK as the harness. ./bench builds the
 * jar with Maven before the harness starts, so there is nothing to build here.
 */
public final class JavaLanguage implements Language {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public boolean jit() {
    return true;
  }

  /** The JVM's in-process baseline comes before the variant, Jackson and the JIT's work (docs/runner-protocol.md#--baseline). */
  @Override
  public boolean freshBaseline() {
    return true;
  }

  @Override
  public Availability check(Project project) {
    if (!Files.isRegularFile(project.javaRunnerJar())) {
      return Availability.missing("workloads/target/polybench-workloads.jar is missing: run ./bench build (it runs mvn package)");
    }
    return Availability.OK;
  }

  @Override
  public List<String> command(Project project, List<String> flags) {
    return command(project, List.of(), flags);
  }

  /**
   * The catalogue's JVM starts without the class-data archive: the JVM makes the archive from the
   * classes of the first process that uses it, and --list loads neither picocli nor the measuring
   * classes, so an archive it made left them all to be loaded from the jar in every later process.
   */
  @Override
  public List<String> listCommand(Project project) {
    return command(project, List.of(), List.of("-Xlog:disable", "-Xlog:all=warning:stderr"), List.of("--list"));
  }

  /** One measuring JVM, started with the variant's own JVM flags (its catalogue row's {@code jvm_flags}). */
  @Override
  public List<String> command(Project project, org.polybench.harness.protocol.RunnerArgs args) {
    return command(project, JvmFlags.of(project, name(), args.workload(), args.variant()), args.flags());
  }

  private List<String> command(Project project, List<String> jvmFlags, List<String> flags) {
    return command(project, jvmFlags, classDataSharing(project, jvmFlags), flags);
  }

  private List<String> command(Project project, List<String> jvmFlags, List<String> archiveFlags, List<String> flags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(jvmFlags);
    cmd.addAll(archiveFlags);
    // The Vector API is still an incubator module; the runner reports java/vector unavailable without it.
    cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-jar", project.javaRunnerJar().toString()));
    cmd.addAll(flags);
    return cmd;
  }

  /**
   * The runner's own start-up, cut by an application class-data archive: loading and linking the
   * jar's ~1,900 classes (picocli, Jackson) took about 1 s of every process here, 0.5 s with the
   * archive, and a quick run starts about a hundred JVMs. The archive holds class metadata only:
   * the kernels are compiled by the JIT as without it, and nothing of it is in a timed call (the
   * startup workload's java rows are separate programs with their own, labelled, CDS variant). The
   * JVM makes the archive in the first process ({@code -XX:+AutoCreateSharedArchive}, JDK 19+); one
   * archive per set of variant flags (a collector), so variants do not overwrite each other's, and
   * per build of the jar (its size and modification time in the name): JDK 25 does not make the
   * archive again when the jar changed ("shared class paths mismatch", the archive is only
   * refused), so after a rebuild every JVM started without it, about 0.4 s slower. Recorded on
   * every cell's command line.
   */
  static List<String> classDataSharing(Project project, List<String> jvmFlags) {
    return classDataSharing(project, "java-runner", project.javaRunnerJar(), jvmFlags);
  }

  /**
   * The archive flags of the JVMs that run {@code jar} with {@code jvmFlags}, the archive named
   * after {@code name} (the Java runner's; the startup prober's, in the harness jar).
   */
  static List<String> classDataSharing(Project project, String name, java.nio.file.Path jar, List<String> jvmFlags) {
    String flagsId = jvmFlags.isEmpty() ? "default" : Integer.toHexString(String.join(" ", jvmFlags).hashCode());
    String id;
    try {
      id = flagsId + "-" + Long.toHexString(java.nio.file.Files.size(jar)) + Long.toHexString(java.nio.file.Files.getLastModifiedTime(jar).toMillis());
    } catch (java.io.IOException e) {
      return List.of(); // no jar yet: the runner's check reports it
    }
    java.nio.file.Path archive = project.root().resolve(".bench/cds/" + name + "-" + id + ".jsa");
    try {
      java.nio.file.Files.createDirectories(archive.getParent());
      if (!java.nio.file.Files.exists(archive)) { // an earlier build's archive of these flags is stale: drop it
        try (var old = java.nio.file.Files.newDirectoryStream(archive.getParent(), name + "-" + flagsId + "-*.jsa")) {
          for (java.nio.file.Path p : old) java.nio.file.Files.deleteIfExists(p);
        }
      }
    } catch (java.io.IOException e) {
      return List.of(); // no archive: the JVM only starts slower
    }
    // the JVM's own log lines go to stderr, never into the protocol's stdout: with --add-modules
    // (the Vector API) JDK 25 reports every start that the archive's module graph cannot be used
    // ("Mismatched values for property jdk.module.addmods"), harmlessly, as an error line on stdout
    return List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");
  }

  private static String javaBinary() {
    return System.getProperty("java.home") + "/bin/java";
  }

  @Override
  public Map<String, Object> buildId(Project project) {
    return Language.hashOf(project, project.javaRunnerJar());
  }

  @Override
  public Map<String, Object> describe(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("version", System.getProperty("java.runtime.version"));
    d.put("vendor", System.getProperty("java.vendor"));
    d.put("vm", System.getProperty("java.vm.name"));
    d.put("home", System.getProperty("java.home"));
    return d;
  }
}
