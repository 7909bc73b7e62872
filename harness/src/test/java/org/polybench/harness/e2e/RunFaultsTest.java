package org.polybench.harness.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.cli.Main;
import org.polybench.harness.lang.JavaLanguage;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.protocol.ProcessExecutor;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/**
 * Issue 15, faults 2 and 5, with real harness processes (java -cp the test class path, as ./bench
 * starts it) against the real runners (./bench test builds them first): concurrent runs into one
 * folder, Ctrl-C/SIGTERM and --resume, kill -9 of the harness.
 */
class RunFaultsTest {
  @TempDir Path tmp;

  private static final Project PROJECT = Project.locate();

  /** A harness process started from {@code cwd}, output to files in tmp. */
  private Process harness(Path cwd, String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        System.getProperty("java.home") + "/bin/java", "-Djava.awt.headless=true",
        "-Dpolybench.root=" + PROJECT.root(), "-Dpolybench.cwd=" + cwd,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(PROJECT.root().toFile())
        .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile()).start();
  }

  private String log(String name) throws IOException {
    return Files.readString(tmp.resolve(name + ".out")) + Files.readString(tmp.resolve(name + ".err"));
  }

  private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(100);
    }
  }

  private static int cells(Path dir) {
    try {
      return ResultsStore.load(dir.resolve("results.json")).measurements().size();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static final String[] TINY = {
      "--workloads", "dot", "--implementations", "rust/naive,rust/optimized", "--sizes", "1000,2000",
      "--warmup", "0", "--iterations", "2", "--invocations", "1", "--no-build"};

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void concurrentRunsIntoOneFolderLoseNoResult() throws Exception {
    Path out = tmp.resolve("shared");
    Process first = harness(tmp, "first", with(with(new String[] {"run"}, TINY), "--out", out.toString()));
    await("the first run to claim its folder", Duration.ofSeconds(60), () -> Files.exists(out.resolve(".lock")) || !first.isAlive());
    Process second = harness(tmp, "second", with(with(new String[] {"run"}, TINY), "--out", out.toString()));
    assertTrue(second.waitFor(120, TimeUnit.SECONDS));
    assertTrue(first.waitFor(300, TimeUnit.SECONDS));
    assertEquals(2, second.exitValue(), log("second"));
    assertTrue(log("second").contains("is in use by another run"), log("second"));
    assertEquals(0, first.exitValue(), log("first"));
    assertEquals(4, cells(out), "the first run's cells are all kept");
  }

  @Test
  void relativePathsResolveAgainstTheFolderBenchWasRunFrom() throws Exception {
    Path user = Files.createDirectories(tmp.resolve("user folder"));
    Files.writeString(user.resolve("file.txt"), "hello world\nthe quick brown fox\n");
    Process p = harness(user, "rel", "run", "--corpus", "file.txt", "--implementations", "rust/native", "--warmup", "0",
        "--iterations", "1", "--invocations", "1", "--no-build", "--out", "here");
    assertTrue(p.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log("rel"));
    assertEquals(1, cells(user.resolve("here")), log("rel"));
  }

  @Test
  void emptyOrUnwritableOutIsRefusedWithExit2() throws IOException {
    StringWriter err = new StringWriter();
    assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), with(with(new String[] {"run"}, TINY), "--out", "")));
    assertTrue(err.toString().contains("--out \"\" is empty"), err.toString());
    assertFalse(Files.exists(PROJECT.root().resolve("results.json")));

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    err = new StringWriter();
    assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        with(with(new String[] {"run"}, TINY), "--out", file.resolve("run").toString())));
    assertTrue(err.toString().contains("cannot write the run folder"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void interruptedRunSaysWhatWasKeptAndResumeFinishesIt() throws Exception {
    Path out = tmp.resolve("interrupted");
    // python/pure at 1e6 takes a while per cell, so SIGTERM lands inside a later cell
    String[] args = {"run", "--workloads", "dot", "--implementations", "rust/naive,python/pure", "--sizes", "1000,1000000",
        "--warmup", "0", "--iterations", "5", "--invocations", "1", "--no-build", "--out", out.toString()};
    Process p = harness(tmp, "int", args);
    await("a first cell", Duration.ofSeconds(120), () -> cells(out) >= 1 || !p.isAlive());
    assertTrue(p.isAlive(), log("int"));
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String said = log("int");
    int kept = cells(out);
    assertTrue(kept >= 1 && kept < 4, said);
    assertTrue(said.contains("interrupted: " + kept + " of 4 cells kept in " + out.resolve("results.json")), said);
    assertTrue(said.contains("./bench report " + out) && said.contains("./bench run --resume " + out), said);

    // other settings with --resume are refused
    StringWriter err = new StringWriter();
    assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "run", "--resume", out.toString(), "--sizes", "1e3"));
    assertTrue(err.toString().contains("drop --sizes"), err.toString());

    StringWriter console = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(console), new PrintWriter(err, true), "run", "--resume", out.toString()), err.toString());
    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    assertEquals(4, run.measurements().size());
    Set<String> distinct = new HashSet<>();
    for (CellResult m : run.measurements()) distinct.add(m.implementation() + " " + m.size());
    assertEquals(4, distinct.size(), "no cell measured twice");
    assertTrue(run.finishedAt() != null);
    List<?> sessions = (List<?>) run.environment().get("sessions");
    assertEquals(2, sessions.size());
    assertEquals(kept, ((Map<?, ?>) sessions.get(1)).get("first_cell"));
  }

  @Test
  void anInterruptedRandomOrderRunKeepsItsFinishedCellsAndResumes() throws Exception {
    Path out = tmp.resolve("random");
    // two processes per cell, interleaved: a cell is saved only when its second process ends; 1e7 takes seconds per process
    String[] args = {"run", "--workloads", "dot", "--implementations", "rust/naive,rust/optimized", "--sizes", "1000,10000000",
        "--warmup", "0", "--iterations", "300", "--invocations", "2", "--order-seed", "7", "--no-build", "--out", out.toString()};
    Process p = harness(tmp, "rnd", args);
    await("a first cell", Duration.ofSeconds(180), () -> cells(out) >= 1 || !p.isAlive());
    assertTrue(p.isAlive(), log("rnd"));
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    int kept = cells(out);
    assertTrue(kept >= 1 && kept < 4, log("rnd"));
    RunRecord part = ResultsStore.load(out.resolve("results.json"));
    assertEquals("random", part.settings().get("order"));
    assertEquals(7, ((Number) part.settings().get("order_seed")).intValue());
    for (CellResult m : part.measurements()) assertEquals(2, m.invocations().size(), "a kept cell is whole: " + m.implementation());

    StringWriter err = new StringWriter();
    StringWriter console = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(console), new PrintWriter(err, true), "run", "--resume", out.toString()), err + "\n" + console);
    RunRecord run = ResultsStore.load(out.resolve("results.json"));
    assertEquals(4, run.measurements().size());
    Set<String> distinct = new HashSet<>();
    for (CellResult m : run.measurements()) {
      distinct.add(m.implementation() + " " + m.size());
      assertEquals(2, m.invocations().size());
      m.invocations().forEach(i -> assertTrue(i.position() != null && i.conditions() != null, m.implementation()));
    }
    assertEquals(4, distinct.size(), "no cell measured twice");
    List<?> sessions = (List<?>) run.environment().get("sessions");
    assertEquals(2, sessions.size());
    Map<?, ?> second = (Map<?, ?>) sessions.get(1);
    assertEquals("random", second.get("order"));
    assertEquals(2 * (4 - kept), ((List<?>) second.get("processes")).size(), "the resumed session starts only the missing cells' processes");
    assertEquals(4 * 2, ((List<?>) ((Map<?, ?>) sessions.get(0)).get("processes")).size());
  }

  @Test
  void killedHarnessLeavesNoRunnerRunning() throws Exception {
    Process p = harness(tmp, "kill9", "run", "--workloads", "dot", "--implementations", "python/pure", "--sizes", "10000000",
        "--warmup", "0", "--iterations", "1000", "--invocations", "1", "--no-build", "--out", tmp.resolve("k").toString());
    await("the runner to start", Duration.ofSeconds(120), () -> p.descendants().findAny().isPresent() || !p.isAlive());
    List<ProcessHandle> runners = p.descendants().toList();
    assertFalse(runners.isEmpty(), log("kill9"));
    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    p.waitFor();
    await("the orphaned runner to exit", Duration.ofSeconds(20), () -> runners.stream().noneMatch(ProcessHandle::isAlive));
  }

  /** Each runner itself: with the harness's variable, end-of-file on stdin ends a long measurement. */
  @Test
  void everyRunnerExitsWhenItsHarnessGoesAway() throws Exception {
    for (Language lang : Languages.all()) {
      String variant = switch (lang.name()) {
        case "python" -> "pure";
        case "rust" -> "naive";
        case "java" -> "scalar";
        default -> null;
      };
      if (variant == null) continue; // graalpy shares the Java runner's watcher (workloads.HarnessWatch)
      List<String> cmd = lang.command(PROJECT, List.of("--workload", "dot", "--variant", variant, "--size", "1000000",
          "--threads", "1", "--warmup", "0", "--iterations", "100000", "--seed", "1"));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(lang.workingDir(PROJECT).toFile());
      pb.environment().put(ProcessExecutor.WATCH_ENV, ProcessExecutor.WATCH_STDIN);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
      Process r = pb.start();
      Thread.sleep(lang instanceof JavaLanguage ? 1500 : 500);
      assertTrue(r.isAlive(), lang.name() + " is still measuring");
      r.getOutputStream().close(); // what the kernel does when the harness dies
      boolean gone = r.waitFor(15, TimeUnit.SECONDS);
      if (!gone) r.destroyForcibly();
      assertTrue(gone, lang.name() + " runner kept running after its stdin closed");
      assertEquals(125, r.exitValue(), lang.name());
    }
  }

  @Test
  void twoRunsStartedInTheSameMillisecondGetTheirOwnFolders() throws Exception {
    Path root = tmp.resolve("results");
    List<Path> dirs = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ts.add(Thread.ofPlatform().start(() -> {
        try {
          dirs.add(org.polybench.harness.store.RunFolder.claimNew(root, "20250101-000000-000").dir());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
    for (Thread t : ts) t.join();
    assertEquals(8, new HashSet<>(dirs).size(), dirs.toString());
    assertNotEquals(dirs.get(0), dirs.get(1));
  }

  @Test
  void latestIsReplacedAtomically() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("results"));
    Path a = Files.createDirectories(root.resolve("a"));
    Path b = Files.createDirectories(root.resolve("b"));
    org.polybench.harness.store.RunFolder.linkLatest(root, a);
    Thread writer = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 2000; i++) org.polybench.harness.store.RunFolder.linkLatest(root, i % 2 == 0 ? b : a);
    });
    int missing = 0;
    while (writer.isAlive()) if (!Files.isDirectory(root.resolve("latest"))) missing++;
    assertEquals(0, missing, "results/latest was briefly missing");
    assertTrue(Files.isSymbolicLink(root.resolve("latest")));
  }
}
