package org.polybench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.TestCatalogue;
import org.polybench.harness.plan.Settings;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Status;
import org.polybench.harness.verify.Reference;
import org.polybench.harness.workload.Dot;

/** Verification and failure handling, driven by fake runners (shell scripts) with known output. */
class CellMeasurerTest {
  @TempDir Path tmp;

  private final Cell cell = new Cell(new Dot(), TestCatalogue.find("rust/naive"), 10, 1);
  private final Settings settings = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0);
  private final Reference reference = new Dot().reference(10, 42, null);

  private static String json(String checksum) {
    return """
        {"protocol": 2, "workload": "dot", "language": "rust", "variant": "naive", "size": 10, "threads": 1, "seed": 42,
         "warmup_ns": [900], "samples_ns": [300, 100, 200], "checksum": "%s", "checksum_kind": "float",
         "peak_rss_bytes": 4096, "runtime": {"name": "fake"}}
        """.formatted(checksum);
  }

  private CellResult runFake(String script) throws IOException {
    Path f = tmp.resolve("runner.sh");
    Files.writeString(f, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    return CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, settings, null, false), settings, "rust", List.of(f.toString()), tmp, reference);
  }

  private static String printing(String text) {
    return "cat <<'EOF'\n" + text + "EOF";
  }

  @Test
  void rightAnswerIsOkAndVerifiedWithStatistics() throws IOException {
    CellResult m = runFake(printing(json(reference.checksum())));
    assertEquals(Status.OK, m.status(), m.error());
    assertTrue(m.verified());
    assertEquals(List.of(900L), m.warmupNs());
    assertEquals(List.of(300L, 100L, 200L), m.samplesNs());
    assertEquals(200L, m.medianNs());
    assertEquals(100L, m.minNs());
    assertEquals(reference.checksum(), m.referenceChecksum());
  }

  @Test
  void wrongChecksumIsKeptAsInvalidAndUnverified() throws IOException {
    CellResult m = runFake(printing(json("1.5")));
    assertEquals(Status.INVALID, m.status());
    assertFalse(m.verified());
    assertFalse(m.usable());
    assertTrue(m.error().startsWith("wrong answer"), m.error());
    assertEquals(List.of(300L, 100L, 200L), m.samplesNs(), "the samples stay on record");
  }

  @Test
  void garbageOnStdoutIsAProtocolViolation() throws IOException {
    CellResult m = runFake("echo 'hello'; echo '{\"protocol\": 2}'");
    assertEquals(Status.INVALID, m.status());
    assertTrue(m.error().contains("exactly one JSON object"), m.error());
  }

  @Test
  void wrongSampleCountIsAProtocolViolation() throws IOException {
    CellResult m = runFake(printing(json(reference.checksum()).replace("[300, 100, 200]", "[300]")));
    assertEquals(Status.INVALID, m.status());
    assertTrue(m.error().contains("expected --iterations 3"), m.error());
  }

  @Test
  void exitThreeIsUnavailableWithTheRunnersReason() throws IOException {
    CellResult m = runFake("echo 'numpy is not installed: ./bench build' >&2; exit 3");
    assertEquals(Status.UNAVAILABLE, m.status());
    assertTrue(m.error().contains("numpy is not installed"), m.error());
  }

  @Test
  void crashIsFailedWithStderr() throws IOException {
    CellResult m = runFake("echo 'Traceback: boom' >&2; exit 1");
    assertEquals(Status.FAILED, m.status());
    assertTrue(m.error().contains("exit code 1") && m.error().contains("boom"), m.error());
  }

  @Test
  void hangIsKilledAfterTheTimeout() throws IOException {
    Settings quick = new Settings(42, 1, 3, false, Duration.ofSeconds(1), 0);
    Path f = tmp.resolve("hang.sh");
    Files.writeString(f, "#!/bin/sh\nsleep 60\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    long start = System.nanoTime();
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, quick, null, false), quick, "rust", List.of(f.toString()), tmp, reference);
    assertEquals(Status.FAILED, m.status());
    assertTrue(m.error().contains("timed out after 1 s"), m.error());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "the hung runner was not waited for");
  }

  @Test
  void missingRunnerBinaryIsFailedNotACrash() {
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, settings, null, false), settings, "rust", List.of(tmp.resolve("nope").toString()), tmp, reference);
    assertEquals(Status.FAILED, m.status());
    assertTrue(m.error().contains("could not start the runner"), m.error());
  }

  @Test
  void invocationsPoolSamplesAndKeepEachProcessMedian() throws IOException {
    Settings three = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0, 3);
    Path f = tmp.resolve("runner.sh");
    Files.writeString(f, "#!/bin/sh\n" + printing(json(reference.checksum())) + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, three, null, false), three, "rust", List.of(f.toString()), tmp, reference);
    assertEquals(Status.OK, m.status(), m.error());
    assertEquals(3, m.invocations().size());
    assertEquals(9, m.samplesNs().size());
    assertEquals(List.of(200L, 200L, 200L), m.invocationMediansNs());
    assertEquals(0.0, m.invocationSpread());
  }

  @Test
  void aWrongAnswerInAnyProcessMakesTheCellInvalid() throws IOException {
    Settings two = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0, 2);
    Path state = tmp.resolve("calls");
    Path f = tmp.resolve("runner.sh");
    // the second process answers wrongly
    Files.writeString(f, "#!/bin/sh\nif [ -f " + state + " ]; then\n" + printing(json("1.5")) + "\nelse\ntouch " + state + "\n"
        + printing(json(reference.checksum())) + "\nfi\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, two, null, false), two, "rust", List.of(f.toString()), tmp, reference);
    assertEquals(Status.INVALID, m.status());
    assertTrue(m.error().contains("invocation 2 of 2"), m.error());
  }

  @Test
  void aRunnerKilledBySigkillSaysSoInsteadOfAnEmptyReason() throws IOException {
    Settings one = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0, 1);
    Path f = tmp.resolve("runner.sh");
    Files.writeString(f, "#!/bin/sh\nkill -9 $$\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, one, null, false), one, "rust", List.of(f.toString()), tmp, reference);
    assertEquals(Status.FAILED, m.status());
    assertTrue(m.error().contains("exit code 137 (killed by SIGKILL (out of memory?"), m.error());
    assertTrue(m.error().endsWith("printed nothing on stderr"), m.error());
  }

  @Test
  void aProcessThatCrashesKeepsTheProcessesBeforeItWithTheirSamples() throws IOException {
    Settings three = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0, 3);
    Path state = tmp.resolve("calls");
    Path f = tmp.resolve("runner.sh");
    // the first process succeeds, the second dies with exit 7; the third never starts
    Files.writeString(f, "#!/bin/sh\nif [ -f " + state + " ]; then\necho boom >&2\nexit 7\nelse\ntouch " + state + "\n"
        + printing(json(reference.checksum())) + "\nfi\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    CellResult m = CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, three, null, false), three, "rust", List.of(f.toString()), tmp, reference);
    assertEquals(Status.FAILED, m.status());
    assertTrue(m.error().contains("invocation 2 of 3") && m.error().contains("exit code 7"), m.error());
    assertEquals(2, m.invocations().size());
    assertEquals(3, m.invocations().get(0).samplesNs().size(), "the first process's samples are kept");
    assertEquals(Integer.valueOf(0), m.invocations().get(0).exitCode());
    assertEquals(Integer.valueOf(7), m.invocations().get(1).exitCode());
    assertTrue(m.invocations().get(1).error().contains("boom"), m.invocations().get(1).error());
    assertTrue(!m.usable(), "a failed cell is never charted");
  }

  @Test
  void jitRunnersGetTheWorkBasedWarmUpOthersTheCount() {
    Settings s = new Settings(42, 3, 10, false, Duration.ofSeconds(20), 100_000_000L, 1);
    Cell big = new Cell(new Dot(), cell.implementation(), 1_000_000, 1);
    assertEquals(100, CellMeasurer.argsFor(big, s, null, true).warmup());
    assertEquals(3, CellMeasurer.argsFor(big, s, null, false).warmup());
  }
}
