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
import org.polybench.harness.Project;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.run.Orchestrator;
import org.polybench.harness.workload.Workloads;
import org.polybench.harness.store.CellResult;
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

  /** What the built runners list, as ./bench run plans from it. */
  static Implementations catalogue() {
    Orchestrator o = new Orchestrator(Project.locate(), System.err);
    return o.catalogue(o.prepare(false));
  }

  /** Workloads sized in elements or bytes take the small common sizes; the others (depth, process) their quick ones. */
  static boolean elementSized(org.polybench.harness.workload.Workload w) {
    return List.of("elements", "bytes").contains(w.sizeUnit());
  }

  @Test
  void everyWorkloadOfOtherSizeUnitsRunsAndAgreesWithTheReferenceAtItsQuickSizes() throws IOException {
    List<org.polybench.harness.workload.Workload> others = Workloads.all().stream().filter(w -> !elementSized(w)).toList();
    if (others.isEmpty()) return;
    Path out = tmp.resolve("run-other");
    StringWriter err = new StringWriter();
    int exit = Main.execute(
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", "--quick", "--workloads", String.join(",", others.stream().map(w -> w.name()).toList()),
        "--warmup", "1", "--iterations", "2", "--seed", "7", "--invocations", "1", "--out", out.toString(), "--no-build");
    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    List<String> notOk = run.measurements().stream().filter(m -> m.status() != Status.OK || !m.verified())
        .map(m -> m.implementation() + " " + m.workload() + " n=" + m.size() + ": " + m.status().json() + ": " + m.error()).toList();
    assertTrue(notOk.isEmpty(), "cells not ok: " + notOk + "\n" + err);
    assertEquals(0, exit, err.toString());
    for (var w : others) {
      Set<String> seen = run.measurements().stream().filter(m -> m.workload().equals(w.name()))
          .map(CellResult::implementation).collect(Collectors.toSet());
      Set<String> want = catalogue().all().stream().filter(i -> !i.optIn() && i.supports(w.name())).map(Implementation::id).collect(Collectors.toSet());
      assertEquals(want, seen, w.name());
      assertEquals(want.size() * w.quickSizes().size(), run.measurements().stream().filter(m -> m.workload().equals(w.name())).count(), w.name());
      try (var files = Files.list(out.resolve("charts"))) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(w.name() + "-")), w.name() + " charts");
      }
    }
  }

  @Test
  void everyImplementationRunsAndAgreesWithTheReference() throws IOException {
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    List<String> elementWorkloads = Workloads.all().stream().filter(EndToEndTest::elementSized).map(w -> w.name()).toList();
    int exit =
        Main.execute(
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "run", "--workloads", String.join(",", elementWorkloads),
            "--sizes", "1000,4097", "--warmup", "1", "--iterations", "2", "--seed", "7", "--invocations", "1", "--out", out.toString(), "--no-build",
            // threaded workloads (parallel) at 1 and 2 threads on any machine; the others stay at 1
            "--threads", "1,2");

    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    List<String> notOk =
        run.measurements().stream().filter(m -> m.status() != Status.OK)
            .map(m -> m.implementation() + " " + m.workload() + " n=" + m.size() + ": " + m.status().json() + ": " + m.error())
            .toList();
    assertTrue(notOk.isEmpty(), "cells not ok (build with ./bench build first): " + notOk + "\n" + err);
    assertEquals(0, exit, err.toString());

    int expected = 0;
    for (var w : Workloads.all().stream().filter(EndToEndTest::elementSized).toList()) {
      for (Implementation i : catalogue().all()) if (!i.optIn() && i.supports(w.name())) expected += 2 * (w.threaded() ? 2 : 1);
    }
    assertEquals(expected, run.measurements().size());
    assertTrue(run.measurements().stream().allMatch(CellResult::verified));
    assertEquals(
        Set.of(1, 2),
        run.measurements().stream().filter(m -> m.workload().equals("parallel")).map(CellResult::threads).collect(Collectors.toSet()));
    assertTrue(run.measurements().stream().filter(m -> !Workloads.find(m.workload()).orElseThrow().threaded()).allMatch(m -> m.threads() == 1));
    assertTrue(run.finishedAt() != null);
    assertTrue(run.environment().containsKey("machine"));
    // regression: the subcommand was once recorded twice ("./bench run run ...")
    assertEquals(List.of("./bench", "run", "--workloads"), run.commandLine().subList(0, 3));

    for (var w : Workloads.all().stream().filter(EndToEndTest::elementSized).toList()) {
      Set<String> seen = run.measurements().stream().filter(m -> m.workload().equals(w.name()))
          .map(CellResult::implementation).collect(Collectors.toSet());
      Set<String> want = catalogue().all().stream().filter(i -> !i.optIn() && i.supports(w.name())).map(Implementation::id).collect(Collectors.toSet());
      assertEquals(want, seen, w.name());
    }

    assertTrue(Files.isRegularFile(out.resolve("summary.md")), "summary.md written");
    List<String> charts;
    try (var files = Files.list(out.resolve("charts"))) {
      charts = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(charts.contains("parallel-speedup.png") && charts.contains("parallel-speedup.svg"), "speedup chart in " + charts);
    assertTrue(Files.readString(out.resolve("summary.md")).contains("Free-threaded CPython: not measured: every Python line here ran with the GIL. No free-threaded interpreter was given"),
        "the free-threading row says why it is missing, never fakes it");

    // ./bench report draws the same run again from results.json alone
    Files.delete(out.resolve("summary.md"));
    assertEquals(0, Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), "report", out.toString()));
    assertTrue(Files.isRegularFile(out.resolve("summary.md")), "report rewrote summary.md");
    for (var w : Workloads.all().stream().filter(EndToEndTest::elementSized).toList()) {
      assertTrue(charts.stream().anyMatch(c -> c.startsWith(w.name()) && c.endsWith(".png")), w.name() + " PNG in " + charts);
      assertTrue(charts.stream().anyMatch(c -> c.startsWith(w.name()) && c.endsWith(".svg")), w.name() + " SVG in " + charts);
    }
  }

  /** --corpus: a user's text is tokenized, at its byte count, and verified against the oracle. */
  @Test
  void tokenizeRunsOnAUsersCorpus() throws IOException {
    Path corpus = Files.writeString(tmp.resolve("my text.txt"),
        "The quick brown fox jumps over the lazy dog.\n\nIt's 2024 -- e-mail me@example.com!\tTABS\u000bAND\fMORE\n"
            + "x".repeat(101) + " Antidisestablishmentarianism (" + "quiz".repeat(3) + ")\n");
    Path out = tmp.resolve("corpus-run");
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "run", "--corpus", corpus.toString(), "--implementations", "python/pure,python/hf-tokenizers,rust/native,java/native",
            "--warmup", "1", "--iterations", "2", "--invocations", "1", "--out", out.toString(), "--no-build");
    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    assertEquals(0, exit, err + " " + run.measurements().stream().map(CellResult::error).toList());
    assertEquals(4, run.measurements().size());
    long bytes = Files.size(corpus);
    for (CellResult m : run.measurements()) {
      assertEquals("tokenize", m.workload());
      assertEquals(bytes, m.size());
      assertTrue(m.verified(), m.implementation() + ": " + m.error());
      assertEquals(run.measurements().get(0).checksum(), m.checksum());
    }
    assertEquals(corpus.toAbsolutePath().normalize().toString(), run.settings().get("corpus"));
  }

  /** Opt-in implementations (python/graalpy) are left out of default runs: named, they run and verify. */
  @Test
  void optInImplementationsRunAndVerifyWhenNamed() throws IOException {
    List<Implementation> optIn = catalogue().all().stream().filter(Implementation::optIn).toList();
    for (Implementation impl : optIn) {
      // binary-trees' size is a tree depth (at most 22) and startup's is 1 (one process): each its own run
      java.util.Map<String, List<String>> bySize = new java.util.TreeMap<>();
      for (String w : impl.workloads()) bySize.computeIfAbsent(w.equals("binary-trees") ? "8" : w.equals("startup") ? "1" : "1000", k -> new java.util.ArrayList<>()).add(w);
      for (var e : bySize.entrySet()) {
        Path out = tmp.resolve("opt-in-" + impl.variant() + "-" + e.getKey());
        StringWriter err = new StringWriter();
        int exit =
            Main.execute(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "run", "--implementations", impl.id(), "--workloads", String.join(",", e.getValue()), "--sizes", e.getKey(),
                "--warmup", "1", "--iterations", "2", "--invocations", "1", "--out", out.toString(), "--no-build");
        RunRecord run = ResultsStore.load(out.resolve("results.json"));
        assertEquals(0, exit, impl.id() + ": " + err + " " + run.measurements().stream().map(CellResult::error).toList());
        assertTrue(run.measurements().stream().allMatch(CellResult::verified), impl.id());
        assertEquals(e.getValue().size(), run.measurements().size());
      }
    }
  }
}
