package org.polybench.harness.cli;

import static org.polybench.harness.cli.Bench.bench;

import org.polybench.harness.cli.Bench.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CLI through its real parser: wrong input ends with exit 2 and a message naming the fix. */
class CliTest {

  @Test
  void unknownWorkloadNamesTheKnownOnes() {
    Result r = bench("run", "--workloads", "dot,fft", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown workload 'fft' in --workloads"), r.err());
    assertTrue(r.err().contains("known workloads are dot, normalize"), r.err());
  }

  @Test
  void badSizeSaysWhatASizeLooksLike() {
    Result r = bench("run", "--sizes", "1000,ten", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("bad size 'ten'"), r.err());
    assertTrue(r.err().contains("like 1000, 1_000_000 or 1e6"), r.err());
  }

  @Test
  void fractionalAndZeroSizesAreRejected() {
    assertEquals(2, bench("run", "--sizes", "1.5", "--no-build").exit());
    assertEquals(2, bench("run", "--sizes", "0", "--no-build").exit());
  }

  @Test
  void unknownImplementationListsTheValidOnes() {
    Result r = bench("run", "--implementations", "python/cython", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("python/numpy"), r.err());
  }

  @Test
  void unknownLanguageIsRejected() {
    Result r = bench("run", "--languages", "go", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("known languages are python, rust, java"), r.err());
  }

  @Test
  void unknownOptionPointsToHelp() {
    Result r = bench("run", "--fast");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--fast"), r.err());
    assertTrue(r.err().contains("./bench run --help"), r.err());
  }

  @Test
  void zeroIterationsIsRejected() {
    Result r = bench("run", "--iterations", "0", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--iterations"), r.err());
  }

  @Test
  void noCommandAsksForOne() {
    Result r = bench();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("choose a command"), r.err());
  }

  @Test
  void helpListsTheCommands() {
    Result r = bench("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("run") && r.out().contains("doctor") && r.out().contains("list"), r.out());
  }

  @Test
  void missingPythonIsAUserErrorNamingTheFix() {
    Result r = bench("run", "--workloads", "parallel", "--python", "/no/such/python3.13t", "--no-build");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--python /no/such/python3.13t: no such file"), r.err());
    assertTrue(r.err().contains("CPython 3.11+"), r.err());
  }

  @Test
  void freeThreadedAndPythonTogetherAreAUserError() {
    Result r = bench("run", "--workloads", "parallel", "--free-threaded", "--python", "/usr/bin/python3", "--no-build");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--free-threaded and --python both choose the interpreter"), r.err());
  }

  @Test
  void aPythonThatIsNotAPythonIsAUserError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path fake = tmp.resolve("python3");
    java.nio.file.Files.writeString(fake, "#!/bin/sh\necho 'not a python'\n");
    fake.toFile().setExecutable(true);
    Result r = bench("run", "--workloads", "parallel", "--python", fake.toString(), "--no-build");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("does not run as a Python interpreter"), r.err());
    assertTrue(r.err().contains("--python /usr/bin/python3.13t"), r.err());
  }

  @Test
  void aPythonWithTheGilIsAcceptedAndRecorded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path python = org.polybench.harness.Project.locate().venvPython();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(python), "needs ./bench build");
    java.nio.file.Path out = tmp.resolve("run");
    Result r = bench("run", "--workloads", "parallel", "--implementations", "python/threads", "--sizes", "1000",
        "--threads", "1,2", "--warmup", "0", "--iterations", "1", "--python", python.toString(), "--out", out.toString(), "--no-build");
    assertEquals(0, r.exit(), r.out() + r.err());
    var run = org.polybench.harness.store.ResultsStore.load(out.resolve("results.json"));
    assertEquals(2, run.measurements().size());
    for (var m : run.measurements()) {
      assertTrue(m.verified(), m.error());
      assertEquals(Boolean.TRUE, m.runtime().get("gil_enabled"), "recorded as a GIL build");
      assertEquals(Boolean.FALSE, m.runtime().get("free_threaded"));
      assertTrue(m.command().contains("PYTHONPATH=" + org.polybench.harness.Project.locate().pythonDir()), m.command().toString());
      assertTrue(m.command().contains(python.toAbsolutePath().normalize().toString()), m.command().toString());
    }
    assertEquals(python.toAbsolutePath().normalize().toString(), run.settings().get("python"));
  }

  @Test
  void sizesAcceptScientificAndUnderscores() {
    SizeConverter c = new SizeConverter();
    assertEquals(1_000_000L, c.convert("1e6"));
    assertEquals(1_000_000L, c.convert("1_000_000"));
    assertEquals(2500L, c.convert("2.5e3"));
  }

  @Test
  void badCorporaEndWithExit2NamingTheProblem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    Result missing = bench("run", "--corpus", tmp.resolve("nope.txt").toString(), "--no-build");
    assertEquals(2, missing.exit(), missing.err());
    assertTrue(missing.err().contains("nope.txt: no such file"), missing.err());

    java.nio.file.Path empty = java.nio.file.Files.createFile(tmp.resolve("empty.txt"));
    Result e = bench("run", "--corpus", empty.toString(), "--no-build");
    assertEquals(2, e.exit(), e.err());
    assertTrue(e.err().contains("is empty"), e.err());

    java.nio.file.Path utf8 = tmp.resolve("utf8.txt");
    java.nio.file.Files.write(utf8, "ok\nna\u00efve\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Result u = bench("run", "--workloads", "tokenize", "--corpus", utf8.toString(), "--no-build");
    assertEquals(2, u.exit(), u.err());
    assertTrue(u.err().contains("line 2, byte 3 (offset 5 in the file) is 0xc3, not ASCII"), u.err());
    assertTrue(u.err().contains("iconv"), u.err());

    java.nio.file.Path ok = java.nio.file.Files.writeString(tmp.resolve("ok.txt"), "Hello, world.\n");
    Result other = bench("run", "--workloads", "dot", "--corpus", ok.toString(), "--no-build");
    assertEquals(2, other.exit(), other.err());
    assertTrue(other.err().contains("--corpus applies to the tokenize workload only"), other.err());
    Result sized = bench("run", "--corpus", ok.toString(), "--sizes", "1000", "--no-build");
    assertEquals(2, sized.exit(), sized.err());
    assertTrue(sized.err().contains("the file's byte count, 14): drop --sizes"), sized.err());
  }

  @Test
  void negativeOrNonNumericSeedIsRejected() {
    Result r = bench("run", "--seed", "-1", "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("bad seed '-1'"), r.err());
    assertEquals(2, bench("run", "--seed", "abc", "--no-build").exit());
  }

  @Test
  void outThatIsAFileIsRejectedBeforeMeasuring(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "x");
    Result r = bench("run", "--workloads", "dot", "--implementations", "rust/naive", "--sizes", "10", "--out", file.toString(), "--no-build");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("is a file, not a folder"), r.err());
    assertEquals("x", java.nio.file.Files.readString(file));
  }

  @Test
  void reportWithoutResultsNamesTheFix(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    Result r = bench("report", tmp.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no results.json in"), r.err());
  }
}
