package org.polybench.harness.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.build.Tools;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import picocli.CommandLine.Command;

/** ./bench doctor: which toolchains are here, their versions, and how to install what is missing. */
@Command(name = "doctor", description = "Shows the toolchains found and their versions, and how to install what is missing. Exit 3 when something is missing.")
public final class DoctorCommand implements Callable<Integer> {
  private record Tool(String name, List<String> versionCommand, String install) {}

  private static final List<Tool> TOOLS =
      List.of(
          new Tool("mvn", List.of("mvn", "-B", "-Dstyle.color=never", "--version"), "apt-get install maven"),
          new Tool("python3", List.of("python3", "--version"), "apt-get install python3 python3-venv python3-pip"),
          new Tool("cargo", List.of("cargo", "--version"), "install Rust with rustup, or apt-get install cargo"),
          new Tool("rustc", List.of("rustc", "--version"), "install Rust with rustup, or apt-get install rustc"),
          new Tool("git", List.of("git", "--version"), "apt-get install git (only for the commit id in results)"));

  @Override
  public Integer call() {
    Project project = Project.locate();
    int missing = 0;
    System.out.printf("%-8s %s (%s) at %s%n", "java", System.getProperty("java.runtime.version"), System.getProperty("java.vendor"), System.getProperty("java.home"));
    for (Tool t : TOOLS) {
      Optional<String> path = Tools.which(t.name()).map(Object::toString);
      if (path.isEmpty()) {
        System.out.printf("%-8s MISSING: %s%n", t.name(), t.install());
        missing++;
        continue;
      }
      List<String> cmd = new java.util.ArrayList<>(t.versionCommand());
      cmd.set(0, path.get());
      Optional<String> version = Tools.capture(cmd, project.root()).map(v -> v.lines().findFirst().orElse(""));
      if (version.isEmpty()) {
        // e.g. a rustup proxy with no default toolchain: present on PATH, but it cannot run
        System.out.printf("%-8s BROKEN: '%s --version' failed (%s): %s%n", t.name(), t.name(), path.get(), t.install());
        missing++;
        continue;
      }
      System.out.printf("%-8s %s%n", t.name(), version.get().replaceAll("\\e\\[[0-9;]*m", ""));
    }
    System.out.println();
    for (Language l : Languages.all()) {
      Availability a = l.check(project);
      System.out.printf("%-8s %s%n", l.name(), a.available() ? "runner built" : "not ready: " + a.reason());
      if (!a.available()) missing++;
    }
    return missing == 0 ? 0 : 3;
  }
}
