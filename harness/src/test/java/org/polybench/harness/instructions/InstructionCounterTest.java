package org.polybench.harness.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.polybench.harness.Project;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.TestCatalogue;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.workload.Workloads;

/** Which cells are counted, and, with Valgrind installed, that a count repeats. */
class InstructionCounterTest {
  private static Implementation impl(String id) {
    return TestCatalogue.standard().all().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  private static Cell dot(String id, long size) {
    return new Cell(Workloads.find("dot").orElseThrow(), impl(id), size, 1);
  }

  private static final CellResult VERIFIED = FakeRuns.ok("dot", "rust/naive", 1_000, List.of(1L, 2L, 3L));

  @Test
  void jitCellsSayWhyTheyAreNotCounted() {
    assertTrue(InstructionCounter.whyNot(dot("java/scalar", 1_000), VERIFIED).contains("JIT-compiled (HotSpot)"));
    assertTrue(InstructionCounter.whyNot(dot("python/graalpy", 1_000), VERIFIED).contains("Truffle"));
    assertTrue(InstructionCounter.whyNot(dot("rust/naive", 1_000), null).contains("not measured and verified"));
    assertTrue(InstructionCounter.whyNot(new Cell(Workloads.find("parallel").orElseThrow(), impl("rust/threads"), 1_000, 2), VERIFIED)
        .contains("2 threads"));
    assertNull(InstructionCounter.whyNot(dot("rust/naive", 1_000), VERIFIED));
    assertNull(InstructionCounter.whyNot(dot("python/pure", 1_000), VERIFIED));
  }

  @Test
  void aRustCountRepeatsWithinATenthOfAPercent() {
    Assumptions.assumeTrue(InstructionCounter.valgrind().isPresent(), "valgrind not installed (apt-get install valgrind): count not checked");
    Project project = Project.locate();
    Assumptions.assumeTrue(java.nio.file.Files.isExecutable(project.rustRunner()), "the Rust runner is not built (./bench build)");
    InstructionCounter counter = new InstructionCounter(project, Languages::find);
    var a = counter.count(dot("rust/naive", 10_000), 42, null, VERIFIED, InstructionCounter.valgrind().get(), 600);
    var b = counter.count(dot("rust/naive", 10_000), 42, null, VERIFIED, InstructionCounter.valgrind().get(), 600);
    assertNotNull(a.perCall(), a.reason());
    assertNotNull(b.perCall(), b.reason());
    // the naive loop does a load, a multiply-add and the loop step per element: a few instructions each
    assertTrue(a.perCall() > 10_000 && a.perCall() < 100_000, a.toString());
    assertEquals(a.perCall(), b.perCall(), a.perCall() * 1e-3);
  }
}
