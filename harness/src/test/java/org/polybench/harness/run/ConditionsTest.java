package org.polybench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.Conditions reads the load and the governors from /proc and /sys as Linux writes them. */
class ConditionsTest {
  @TempDir Path tmp;

  @Test
  void loadAverageAndRunnableProcessesComeFromProc() throws IOException {
    Files.writeString(tmp.resolve("loadavg"), "3.78 4.98 5.26 8/195 5519\n");
    Files.writeString(tmp.resolve("stat"), "cpu  1 2 3\nctxt 99\nprocs_running 5\nprocs_blocked 0\n");
    Map<String, Object> c = Conditions.before(tmp);
    assertEquals(3.78, c.get("load1"));
    assertEquals(4.98, c.get("load5"));
    assertEquals(5.26, c.get("load15"));
    assertEquals(5, c.get("procs_running"));
  }

  @Test
  void missingProcFilesLeaveNullsNotAnError() {
    Map<String, Object> c = Conditions.before(tmp.resolve("nothing"));
    assertNull(c.get("load1"));
    assertNull(c.get("procs_running"));
  }

  @Test
  void cpusSeenAreDistinctInOrderAndTheLastIsKept() {
    Map<String, Object> c = Conditions.after(new Conditions.Start(Map.of(), -1), List.of(1, 1, 0, 1));
    assertEquals(List.of(1, 0), c.get("cpus_seen"));
    assertEquals(1, c.get("last_cpu"));
    assertNull(Conditions.after(new Conditions.Start(Map.of(), -1), List.of()).get("last_cpu"));
    assertNull(c.get("harness_cpu_ms"), "no start read: unknown, not 0");
  }

  /** The harness's own CPU while a runner ran: what this JVM burnt since the read before the spawn. */
  @Test
  void theHarnessCpuWhileARunnerRanIsItsOwnCpuTimeSinceTheSpawn() {
    long start = Conditions.harnessCpuNs();
    assertTrue(start > 0, "HotSpot reports its process CPU time");
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long spin = threads.getCurrentThreadCpuTime();
    double x = 0;
    while (threads.getCurrentThreadCpuTime() - spin < 50_000_000L) x += Math.sqrt(x + 1); // 50 ms of this thread's CPU, however busy the machine
    Map<String, Object> c = Conditions.after(new Conditions.Start(Map.of(), start), List.of(0));
    double ms = ((Number) c.get("harness_cpu_ms")).doubleValue();
    // the process figure is kept in clock ticks (10 ms here), the thread one to the ns
    assertTrue(ms >= 40 && x > 0, "about the 50 ms of CPU this thread spun: " + ms);
  }

  @Test
  void governorsAreGroupedAndAbsentWithoutCpufreq() throws IOException {
    assertEquals("absent", Conditions.governors(tmp));
    for (int i = 0; i < 3; i++) {
      Files.createDirectories(tmp.resolve("cpu" + i + "/cpufreq"));
      Files.writeString(tmp.resolve("cpu" + i + "/cpufreq/scaling_governor"), (i == 1 ? "powersave" : "performance") + "\n");
    }
    Files.createDirectories(tmp.resolve("cpufreq")); // not a CPU
    assertEquals(Map.of("performance", List.of(0, 2), "powersave", List.of(1)), Conditions.governors(tmp));
  }
}
