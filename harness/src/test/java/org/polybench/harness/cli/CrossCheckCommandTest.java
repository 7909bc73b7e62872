package org.polybench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.plan.PlanRequest;
import picocli.CommandLine;

/** ./bench crosscheck through its real parser (nothing is measured here). */
class CrossCheckCommandTest {
  @Test
  void helpListsTheRunSelectionFlags() {
    Bench.Result r = Bench.bench("crosscheck", "--help");
    assertEquals(0, r.exit(), r.err());
    for (String flag : List.of("--workloads", "--implementations", "--languages", "--sizes", "--seed", "--invocations", "--quick")) {
      assertTrue(r.out().contains(flag), flag + " in " + r.out());
    }
  }

  @Test
  void quickWithoutASelectionIsTheIssuesDefaultSet() {
    List<PlanRequest> rs = parse("--quick").requests();
    assertEquals(3, rs.size());
    assertEquals(List.of("dot", "normalize"), rs.get(0).workloads());
    assertEquals(List.of("java/scalar", "java/vector", "python/pure", "python/numpy", "rust/naive", "rust/optimized"),
        rs.get(0).implementations());
    assertEquals(List.of(1_000_000L), rs.get(0).sizes());
    assertEquals(List.of("tokenize"), rs.get(1).workloads());
    assertEquals(List.of("python/pure", "rust/native", "java/native"), rs.get(1).implementations());
    // issue 9: hyperfine referees whole-process timings
    assertEquals(List.of("startup"), rs.get(2).workloads());
    assertEquals(List.of("python/bare", "rust/empty", "java/empty-main"), rs.get(2).implementations());
    assertEquals(List.of(1L), rs.get(2).sizes());
    assertTrue(rs.stream().allMatch(PlanRequest::quick));
    assertTrue(rs.stream().allMatch(r -> r.invocations() == CrossCheckCommand.ROUNDS), "5 rounds, not run's quick 2");
  }

  @Test
  void invocationsSetsTheRounds() {
    assertTrue(parse("--quick", "--invocations", "2").requests().stream().allMatch(r -> r.invocations() == 2));
    assertTrue(parse("--workloads", "dot").requests().stream().allMatch(r -> r.invocations() == CrossCheckCommand.ROUNDS));
  }

  @Test
  void aSelectionReplacesTheDefaultSet() {
    List<PlanRequest> rs = parse("--quick", "--workloads", "dot", "--sizes", "1e3", "--seed", "7").requests();
    assertEquals(1, rs.size());
    assertEquals(List.of("dot"), rs.get(0).workloads());
    assertEquals(List.of(1000L), rs.get(0).sizes());
    assertEquals(7, rs.get(0).seed());
  }

  @Test
  void anUnknownWorkloadIsOneMessageWithExit2() {
    Bench.Result r = Bench.bench("crosscheck", "--no-build", "--workloads", "nosuch");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("nosuch"), r.err());
  }

  private static CrossCheckCommand parse(String... args) {
    CrossCheckCommand c = new CrossCheckCommand();
    new CommandLine(c).registerConverter(Long.class, v -> Main.wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE))
        .registerConverter(long.class, v -> Main.wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE)).parseArgs(args);
    return c;
  }
}
