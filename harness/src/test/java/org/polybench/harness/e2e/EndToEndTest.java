package org.polybench.harness.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.cli.Main;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.plan.Workloads;
import org.polybench.harness.store.Measurement;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;

/**
 * One real run of every registered implementation of every workload at a tiny size, through the
 * CLI, against the real runners (./bench test builds them first). Every cell must be ok and
 * verified, i.e. all languages agree with the reference, and the charts and summary must exist.
 */
class EndToEndTest {
  @TempDir Path tmp;

  @Test
  void everyImplementationRunsAndAgreesWithTheReference() throws IOException {
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "run", "--sizes", "1000,4097", "--warmup", "1", "--iterations", "2", "--seed", "7", "--out", out.toString(), "--no-build");

    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    List<String> notOk =
        run.measurements().stream().filter(m -> m.status() != Status.OK)
            .map(m -> m.implementation() + " " + m.workload() + " n=" + m.size() + ": " + m.status().json() + ": " + m.error())
            .toList();
    assertTrue(notOk.isEmpty(), "cells not ok (build with ./bench build first): " + notOk + "\n" + err);
    assertEquals(0, exit, err.toString());

    int expected = 0;
    for (var w : Workloads.all()) {
      for (Implementation i : Implementations.all()) if (i.supports(w.name())) expected += 2;
    }
    assertEquals(expected, run.measurements().size());
    assertTrue(run.measurements().stream().allMatch(Measurement::verified));
    assertTrue(run.finishedAt() != null);
    assertTrue(run.environment().containsKey("machine"));
    // regression: the subcommand was once recorded twice ("./bench run run ...")
    assertEquals(List.of("./bench", "run", "--sizes"), run.commandLine().subList(0, 3));

    for (var w : Workloads.all()) {
      Set<String> seen = run.measurements().stream().filter(m -> m.workload().equals(w.name()))
          .map(Measurement::implementation).collect(Collectors.toSet());
      Set<String> want = Implementations.all().stream().filter(i -> i.supports(w.name())).map(Implementation::id).collect(Collectors.toSet());
      assertEquals(want, seen, w.name());
    }

    assertTrue(Files.isRegularFile(out.resolve("summary.md")), "summary.md written");
    List<String> charts;
    try (var files = Files.list(out.resolve("charts"))) {
      charts = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (var w : Workloads.all()) {
      assertTrue(charts.stream().anyMatch(c -> c.startsWith(w.name()) && c.endsWith(".png")), w.name() + " PNG in " + charts);
      assertTrue(charts.stream().anyMatch(c -> c.startsWith(w.name()) && c.endsWith(".svg")), w.name() + " SVG in " + charts);
    }
  }
}
