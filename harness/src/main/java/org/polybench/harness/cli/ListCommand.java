package org.polybench.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.workload.Workload;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.run.Orchestrator;
import org.polybench.harness.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * ./bench list: every workload and implementation, and whether it can run here. The list is the
 * runners' own: each built runner is asked with {@code --list} (docs/runner-protocol.md), so
 * "available" is what the runner itself checks before it would measure.
 */
@Command(name = "list", description = "Lists workloads and implementations, and whether each can run here (and why not).")
public final class ListCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the merged catalogue of all runners as one JSON document")
  boolean json;

  @Option(names = "--no-build", description = "do not build; ask the runners already built")
  boolean noBuild;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    Project project = Project.locate();
    java.io.PrintWriter out = spec.commandLine().getOut();
    // build messages and warnings go to stderr, so --json's stdout is the document alone
    Orchestrator orchestrator = new Orchestrator(project, new java.io.PrintStream(System.err, true));
    Map<String, Availability> availability = orchestrator.prepare(!noBuild);
    Implementations catalogue = orchestrator.catalogue(availability);
    if (json) {
      out.println(Json.mapper().writeValueAsString(document(catalogue)));
      out.flush();
      return 0;
    }
    for (Workload w : Workloads.all()) {
      out.printf("%s: %s (size in %s)%n", w.name(), w.description(), w.sizeUnit());
      for (Implementation impl : catalogue.all()) {
        if (!impl.supports(w.name())) continue;
        String why = impl.unavailable().get(w.name());
        out.printf("  %-26s %-18s %s%n      %s%n", impl.id(), impl.kind().label() + (impl.optIn() ? ", opt-in" : ""),
            why == null ? "available" : "unavailable: " + why, impl.description(w.name()));
      }
    }
    out.flush();
    return 0;
  }

  /** The merged catalogue: one entry per (workload, implementation), in the runners' order. */
  static Map<String, Object> document(Implementations catalogue) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Implementation impl : catalogue.all()) {
      for (String w : impl.workloads()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", w);
        row.put("implementation", impl.id());
        row.put("language", impl.language());
        row.put("variant", impl.variant());
        row.put("runner", impl.runner());
        row.put("kind", impl.kind().label());
        row.put("description", impl.description(w));
        row.put("available", !impl.unavailable().containsKey(w));
        row.put("reason", impl.unavailable().get(w));
        row.put("opt_in", impl.optIn());
        rows.add(row);
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("protocol", org.polybench.harness.lang.Catalogue.PROTOCOL);
    doc.put("workloads", Workloads.names());
    doc.put("implementations", rows);
    return doc;
  }
}
