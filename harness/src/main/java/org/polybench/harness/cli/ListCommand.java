package org.polybench.harness.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.plan.Workload;
import org.polybench.harness.plan.Workloads;
import org.polybench.harness.run.ProcessExecutor;
import org.polybench.harness.run.ProcessOutcome;
import org.polybench.harness.run.RunnerArgs;
import picocli.CommandLine.Command;

/**
 * ./bench list: every workload and implementation, and whether it can run here. Availability is
 * asked of the runner itself (a size-1 call), so "available" means it really starts.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists workloads and implementations, and whether each can run here (and why not).")
public final class ListCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Project project = Project.locate();
    for (Workload w : Workloads.all()) {
      System.out.printf("%s: %s (size in %s)%n", w.name(), w.description(), w.sizeUnit());
      for (Implementation impl : Implementations.all()) {
        if (!impl.supports(w.name())) continue;
        System.out.printf("  %-26s %-18s %s%n      %s%n", impl.id(), impl.kind().label() + (impl.optIn() ? ", opt-in" : ""), availability(project, w, impl), impl.description());
      }
    }
    return 0;
  }

  private static String availability(Project project, Workload w, Implementation impl) {
    Language lang = Languages.find(impl.runner()).orElseThrow();
    Availability a = lang.check(project);
    if (!a.available()) return "unavailable: " + a.reason();
    RunnerArgs probe;
    try {
      // workloads that read a file (tokenize) get a size-1 one from the data cache
      probe = new RunnerArgs(w.name(), impl.variant(), 1, 1, 0, 1, 42, w.input(1, 42, project.dataDir()));
    } catch (IOException e) {
      return "unavailable: cannot make its input in " + project.dataDir() + ": " + e.getMessage();
    }
    try {
      ProcessOutcome o = ProcessExecutor.execute(lang.command(project, probe), lang.workingDir(project), Duration.ofSeconds(60));
      if (o.timedOut()) return "unavailable: the runner did not answer within 60 s";
      return switch (o.exitCode()) {
        case 0 -> "available";
        case 3 -> "unavailable: " + o.stderrTail();
        default -> "broken (exit " + o.exitCode() + "): " + o.stderrTail();
      };
    } catch (IOException e) {
      return "unavailable: cannot start the runner: " + e.getMessage();
    }
  }
}
