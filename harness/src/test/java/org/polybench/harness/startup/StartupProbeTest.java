package org.polybench.harness.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.verify.Reference;
import org.polybench.harness.workload.Workloads;

/** The prober's verification: exit 0 and no output give exactly the spec's reference; anything else does not. */
class StartupProbeTest {
  private static final Reference REF = Workloads.find("startup").orElseThrow().reference(1, 42, null);

  /** Through the native spawner: /bin/true's empty output is exactly the spec's reference, echo's is not. */
  @Test
  void aSpawnedProcessIsTimedAndItsOutputAndExitSeen() throws Exception {
    var project = org.polybench.harness.Project.locate();
    assertEquals("14695981039346656037", REF.checksum(), "FNV-1a 64 offset basis, from the spec");
    Path dir = Path.of("").toAbsolutePath();
    try (Spawner spawner = new Spawner(project, dir)) {
      StartupProbe.Spawned t = spawner.spawn(List.of("/bin/true"));
      assertEquals(0, t.exit());
      assertTrue(t.wallNs() > 0);
      assertNull(REF.mismatch(Long.toUnsignedString(t.stdoutFnv()), "u64"));
      StartupProbe.Spawned echo = spawner.spawn(List.of("/bin/echo", "hi"));
      assertNotNull(REF.mismatch(Long.toUnsignedString(echo.stdoutFnv()), "u64"), "one line of output is not nothing");
      StartupProbe.Spawned failed = spawner.spawn(List.of("/bin/sh", "-c", "echo why >&2; exit 1"));
      assertEquals(1, failed.exit());
      assertEquals("why", failed.stderrTail());
      var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> spawner.spawn(List.of("/no/such/program")));
      assertTrue(e.getMessage().contains("/no/such/program"), e.getMessage());
      assertEquals(0, spawner.spawn(List.of("/bin/true")).exit(), "still serving after a failed spawn");
    }
    assertTrue(StartupProbe.polledPeakRss(List.of("/bin/sleep", "0.05"), dir) > 0, "VmHWM seen while it runs");
  }

  /** GraalPy's startup program is its own, opt-in row (python/graalpy belongs to the graalpy runner). */
  @Test
  void theGraalPyContextProgramIsListedOptInAndTheOthersAreNot() throws Exception {
    var doc = org.polybench.harness.store.Json.mapper().readTree(Programs.catalogueJson(org.polybench.harness.Project.locate()));
    java.util.Map<String, Boolean> optIn = new java.util.TreeMap<>();
    for (var row : doc.get("implementations")) {
      optIn.put(row.get("language").asText() + "/" + row.get("variant").asText(), row.get("opt_in").asBoolean());
    }
    assertEquals(Boolean.TRUE, optIn.get("python/graalpy-context"), optIn.toString());
    assertEquals(1, optIn.values().stream().filter(b -> b).count(), optIn.toString());
    assertNull(Programs.find("graalpy"), "no python/graalpy row here: it would be listed by two runners");
    assertEquals("GraalPy", Programs.find("graalpy-context").runtime(org.polybench.harness.Project.locate()).get("name"));
  }

  /** Where GraalPy is built, its context program exits 0 and prints nothing: the spec's reference. */
  @Test
  @org.junit.jupiter.api.Timeout(300)
  void theGraalPyContextProgramVerifiesWhereGraalPyIsBuilt() throws Exception {
    var project = org.polybench.harness.Project.locate();
    var a = new org.polybench.harness.lang.GraalPyLanguage().check(project);
    org.junit.jupiter.api.Assumptions.assumeTrue(a.available(), "GraalPy not built here: " + a.reason());
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int exit = StartupProbe.run(new String[] {"--workload", "startup", "--variant", "graalpy-context", "--size", "1",
        "--warmup", "0", "--iterations", "1", "--seed", "42"}, project, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    assertEquals(0, exit, err.toString());
    var j = org.polybench.harness.store.Json.mapper().readTree(out.toString());
    assertNull(REF.mismatch(j.get("checksum").asText(), j.get("checksum_kind").asText()), out.toString());
    assertEquals("python", j.get("language").asText());
    assertTrue(j.get("runtime").get("program").asText().contains("org.polybench.graalpy.StartupMain"));
    assertTrue(j.get("samples_ns").get(0).asLong() > j.get("extra").get("spawn_floor_samples_ns").get(0).asLong());
  }

  /**
   * The prober takes every protocol flag the harness sends a startup cell, --warmup-time-ms too (a
   * merged warm-up rule once made every startup cell fail with "unknown flag"), and warms up for
   * that long as well as for the count.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void takesTheHarnessFlagsAndWarmsUpForTheTimeAsWellAsTheCount() throws Exception {
    var project = org.polybench.harness.Project.locate();
    var flags = new org.polybench.harness.protocol.RunnerArgs("startup", "no-site", 1, 1, 0, 2, 42, null, 300).flags();
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int exit = StartupProbe.run(flags.toArray(String[]::new), project, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    assertEquals(0, exit, err.toString());
    var j = org.polybench.harness.store.Json.mapper().readTree(out.toString());
    assertEquals(2, j.get("samples_ns").size());
    // --warmup 0, yet 300 ms of warm-up runs: each run is a fresh python -S (tens of ms), so several
    assertTrue(j.get("warmup_ns").size() >= 2, out.toString());
  }
}
