package org.polybench.harness.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 15, fault 6: exit 137 was reported as a bare number with an empty reason. */
class ProcessOutcomeTest {
  @Test
  void exit137SaysKilledBySigkillOutOfMemory() {
    assertTrue(ProcessOutcome.exitMeaning(137).startsWith("killed by SIGKILL (out of memory?"));
    assertEquals("killed by SIGTERM", ProcessOutcome.exitMeaning(143));
    assertEquals("", ProcessOutcome.exitMeaning(1));
    assertEquals("", ProcessOutcome.exitMeaning(null));
  }
}
