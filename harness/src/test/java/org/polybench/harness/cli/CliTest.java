package org.polybench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI through its real parser: wrong input ends with exit 2 and a message naming the fix. */
class CliTest {
  private record Result(int exit, String out, String err) {}

  private static Result bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

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
  void sizesAcceptScientificAndUnderscores() {
    SizeConverter c = new SizeConverter();
    assertEquals(1_000_000L, c.convert("1e6"));
    assertEquals(1_000_000L, c.convert("1_000_000"));
    assertEquals(2500L, c.convert("2.5e3"));
  }
}
