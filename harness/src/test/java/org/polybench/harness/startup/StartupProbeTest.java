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

  @Test
  void anEmptyOutputIsTheReferenceAndOneByteIsNot() {
    assertEquals("14695981039346656037", REF.checksum(), "FNV-1a 64 offset basis, from the spec");
    assertNull(REF.mismatch(Long.toUnsignedString(StartupProbe.fnv(new byte[0])), "u64"));
    assertNotNull(REF.mismatch(Long.toUnsignedString(StartupProbe.fnv("\n".getBytes())), "u64"));
  }

  @Test
  void aSpawnedProcessIsTimedAndItsOutputAndExitSeen() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    StartupProbe.Spawned t = StartupProbe.spawn(List.of("/bin/true"), dir);
    assertEquals(0, t.exit());
    assertTrue(t.wallNs() > 0);
    assertEquals(StartupProbe.fnv(new byte[0]), t.stdoutFnv());
    StartupProbe.Spawned echo = StartupProbe.spawn(List.of("/bin/echo", "hi"), dir);
    assertNotEquals(t.stdoutFnv(), echo.stdoutFnv());
    assertEquals(1, StartupProbe.spawn(List.of("/bin/false"), dir).exit());
    assertTrue(StartupProbe.polledPeakRss(List.of("/bin/sleep", "0.05"), dir) > 0, "VmHWM seen while it runs");
  }
}
