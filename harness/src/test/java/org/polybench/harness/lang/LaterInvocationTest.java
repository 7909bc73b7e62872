package org.polybench.harness.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.protocol.RunnerArgs;

/** A cell's later processes: CPython's skip tracemalloc (--no-alloc-peak); the other runners' are the first one's. */
class LaterInvocationTest {
  @TempDir Path tmp;

  private static final RunnerArgs ARGS = new RunnerArgs("normalize", "pure", 1_000_000, 1, 2, 10, 42, null, 50);

  @Test
  void cpythonsSecondAndLaterProcessesAddNoAllocPeakAndOnlyThey() {
    Project project = new Project(tmp);
    PythonLanguage python = new PythonLanguage();
    List<String> first = python.command(project, ARGS, 1);
    assertEquals(python.command(project, ARGS), first);
    assertFalse(first.contains(PythonLanguage.NO_ALLOC_PEAK));
    List<String> expected = new ArrayList<>(first);
    expected.add(PythonLanguage.NO_ALLOC_PEAK);
    assertEquals(expected, python.command(project, ARGS, 2));
    assertEquals(expected, python.command(project, ARGS, 3));
  }

  @Test
  void otherRunnersStartEveryProcessAlike() {
    Project project = new Project(tmp);
    for (Language lang : List.of(new RustLanguage(), new GraalPyLanguage())) {
      assertEquals(lang.command(project, ARGS, 1), lang.command(project, ARGS, 2), lang.name());
    }
  }
}
