package org.polybench.harness.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Invocation;
import org.polybench.harness.store.RunRecord;

/** The busy-machine rule and the warning summary.md and the console give. */
class MachineLoadTest {
  private static Map<String, Object> cond(double load1, int running) {
    return Map.of("load1", load1, "procs_running", running, "logical_cpus", 2);
  }

  @Test
  void busyIsLoadAboveTheCpus() {
    assertFalse(MachineLoad.busy(cond(1.0, 1)), "our own runner's load of about 1 on 2 CPUs is not busy");
    assertFalse(MachineLoad.busy(cond(2.0, 2)));
    assertTrue(MachineLoad.busy(cond(2.01, 1)));
    // an instant's runnable count includes the harness's own JIT and GC threads: not a busy machine
    assertFalse(MachineLoad.busy(cond(0.5, 6)));
    assertFalse(MachineLoad.busy(Map.of("load1", 9.0)), "without the CPU count nothing is claimed");
  }

  /** FakeRuns.small() with the first process of the first two cells started on a busy machine. */
  private static RunRecord busyRun() {
    RunRecord run = FakeRuns.small();
    List<CellResult> ms = new ArrayList<>();
    int k = 0;
    for (CellResult m : run.measurements()) {
      List<Invocation> inv = new ArrayList<>();
      for (Invocation i : m.invocations()) inv.add(i.under(k < 2 ? cond(3.5, 4) : cond(0.9, 1)));
      k++;
      ms.add(m.withInvocations(inv));
    }
    return new RunRecord(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(), run.commandLine(), run.settings(),
        run.environment(), ms);
  }

  @Test
  void theWarningCountsProcessesAndCellsAndAppearsInSummaryAndConsole() {
    RunRecord run = busyRun();
    MachineLoad l = MachineLoad.of(run);
    assertEquals(2, l.busy());
    assertEquals(2, l.busyCells().size());
    assertEquals(3.5, l.maxLoad1());
    assertEquals(2, l.summary().get("busy_invocations"));
    String w = l.warning();
    assertTrue(w.startsWith("the machine was busy when 2 of " + l.recorded() + " processes started (load average up to 3.50, up to 4 runnable; 2 cells:"), w);
    FakeRuns.summaryWith(run, "> **Warning:** the machine was busy when 2 of");
    assertTrue(org.polybench.harness.report.ConsoleSummary.render(run).contains("warning: the machine was busy when 2 of"));
  }

  @Test
  void noConditionsRecordedMeansNoWarning() {
    assertNull(MachineLoad.of(FakeRuns.small()).warning());
    assertFalse(FakeRuns.summaryWith(FakeRuns.small()).contains("machine was busy"));
  }
}
