package org.polybench.harness.verify;

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
import org.polybench.harness.plan.Settings;
import org.polybench.harness.plan.TestCatalogue;
import org.polybench.harness.run.CellMeasurer;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.Status;
import org.polybench.harness.workload.Dot;
import org.polybench.harness.workload.Normalize;
import org.polybench.harness.workload.Tokenize;
import org.polybench.harness.workload.Workload;
import org.polybench.workloads.SplitMix64;

/**
 * Regression tests, one per wrong answer the old checksums let through (normalize: the sum of the
 * outputs; dot: relative 1e-9; tokenize: FNV over all ids of all documents). Each feeds what a
 * buggy runner would print to the verifier, through a fake runner and the real CellMeasurer, and
 * expects {@code invalid}. The outputs are computed here from the spec, not by any implementation.
 */
class WrongAnswersTest {
  @TempDir Path tmp;

  private final Settings settings = new Settings(42, 1, 3, false, Duration.ofSeconds(20), 0);

  // --- normalize -------------------------------------------------------------------------------

  /** The spec's outputs: (x - min) / (max - min). */
  private static double[] normalized(int n) {
    double[] x = SplitMix64.doubles(42, n);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = (x[i] - lo) / (hi - lo);
    return y;
  }

  @Test
  void theSpecsNormalizeOutputIsVerified() throws IOException {
    CellResult m = run(new Normalize(), "rust/naive", 1000, Checksums.f64Sha256(normalized(1000)), "f64+sha256");
    assertEquals(Status.OK, m.status(), m.error());
    assertTrue(m.verified());
  }

  @Test
  void reversedNormalizeOutputIsInvalid() throws IOException {
    double[] y = normalized(1000);
    double[] reversed = new double[y.length];
    for (int i = 0; i < y.length; i++) reversed[i] = y[y.length - 1 - i];
    assertInvalid(run(new Normalize(), "rust/naive", 1000, Checksums.f64Sha256(reversed), "f64+sha256"));
  }

  @Test
  void normalizeOutputRoundedToFloat32IsInvalid() throws IOException {
    double[] y = normalized(1000);
    for (int i = 0; i < y.length; i++) y[i] = (float) y[i];
    assertInvalid(run(new Normalize(), "rust/naive", 1000, Checksums.f64Sha256(y), "f64+sha256"));
  }

  @Test
  void normalizeOutputWithADroppedElementIsInvalid() throws IOException {
    double[] y = normalized(1000);
    y[500] = 0.0; // the element's slot left empty (as a skipped tail or lane would)
    assertInvalid(run(new Normalize(), "rust/naive", 1000, Checksums.f64Sha256(y), "f64+sha256"));
  }

  // --- dot -------------------------------------------------------------------------------------

  /** The dot of n elements of a and b as a kernel computes it in float64, left to right. */
  private interface Element {
    double at(int i);
  }

  private static double dot(int n, Element a, Element b) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a.at(i) * b.at(i);
    return s;
  }

  private static String dotChecksum(int n, boolean float32Inputs) {
    double[] a = SplitMix64.doubles(42, n);
    double[] b = SplitMix64.doubles(43, n);
    Element sa = float32Inputs ? i -> (float) a[i] : i -> a[i];
    Element sb = float32Inputs ? i -> (float) b[i] : i -> b[i];
    Element va = float32Inputs ? i -> (float) Dot.verifyA(i) : Dot::verifyA;
    Element vb = float32Inputs ? i -> (float) Dot.verifyB(i) : Dot::verifyB;
    return dot(n, sa, sb) + " " + dot(n, va, vb);
  }

  @Test
  void aCorrectFloat64DotInAnyOrderIsVerified() throws IOException {
    int n = 1_000_000;
    CellResult m = run(new Dot(), "rust/naive", n, dotChecksum(n, false), "float");
    assertEquals(Status.OK, m.status(), m.error());
    // 8 lanes, then the lanes added: another order, still within the bound
    double[] a = SplitMix64.doubles(42, n);
    double[] b = SplitMix64.doubles(43, n);
    double[] lanes = new double[8];
    for (int i = 0; i < n; i++) lanes[i % 8] += a[i] * b[i];
    double s = 0;
    for (double l : lanes) s += l;
    CellResult lanesM = run(new Dot(), "rust/naive", n, s + " " + n * (1 + 0x1p-25), "float");
    assertEquals(Status.OK, lanesM.status(), lanesM.error());
  }

  @Test
  void dotFromFloat32InputsIsInvalid() throws IOException {
    // at 1e6 its seeded value is ~6e-11 relative off: inside the old 1e-9
    int n = 1_000_000;
    CellResult m = run(new Dot(), "rust/naive", n, dotChecksum(n, true), "float");
    assertInvalid(m);
  }

  @Test
  void dotFromFloat32InputsIsCaughtByTheVerificationInputAlone() throws IOException {
    int n = 10_000_000;
    double v32 = dot(n, i -> (float) Dot.verifyA(i), i -> (float) Dot.verifyB(i));
    String seededRight = new Dot().reference(n, 42, null).checksum().split(" ")[0];
    CellResult m = run(new Dot(), "rust/naive", n, seededRight + " " + v32, "float");
    assertInvalid(m);
    assertTrue(m.error().contains("verification input"), m.error());
  }

  @Test
  void dotWithoutTheVerificationValueIsInvalid() throws IOException {
    String seeded = new Dot().reference(1000, 42, null).checksum().split(" ")[0];
    CellResult m = run(new Dot(), "rust/naive", 1000, seeded, "float");
    assertInvalid(m);
    assertTrue(m.error().contains("./bench build"), m.error());
  }

  // --- tokenize --------------------------------------------------------------------------------

  @Test
  void corpusTokenizedAsOneDocumentIsInvalid() throws IOException {
    List<int[]> perDocument = List.of(new int[] {101, 7, 8}, new int[] {}, new int[] {9, 10});
    List<int[]> oneDocument = List.<int[]>of(new int[] {101, 7, 8, 9, 10});
    Reference reference = new Reference(Checksums.docsTokensFnv64(perDocument), ChecksumKind.DOCS_TOKENS_FNV64);
    CellResult ok = run(new Tokenize(), "rust/native", 30, reference, Checksums.docsTokensFnv64(perDocument), "docs+tokens+fnv64");
    assertEquals(Status.OK, ok.status(), ok.error());
    assertInvalid(run(new Tokenize(), "rust/native", 30, reference, Checksums.docsTokensFnv64(oneDocument), "docs+tokens+fnv64"));
    // same ids, same count: only the boundaries differ
    assertEquals(reference.checksum().split(":")[0], Checksums.docsTokensFnv64(oneDocument).split(":")[0]);
  }

  @Test
  void tokenizeChecksumIsFnv1aOverEachDocumentsCountThenIds() {
    // docs/workloads.md#tokenize, byte by byte: [2, 0x0201, 0xffffffff] as u32 LE
    long h = 0xcbf29ce484222325L;
    for (int b : new int[] {2, 0, 0, 0, 1, 2, 0, 0, 0xff, 0xff, 0xff, 0xff}) h = (h ^ b) * 0x100000001b3L;
    assertEquals("2:" + String.format("%016x", h), Checksums.docsTokensFnv64(List.of(new int[] {0x0201, -1})));
    assertEquals("0:cbf29ce484222325", Checksums.docsTokensFnv64(List.of()));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static void assertInvalid(CellResult m) {
    assertEquals(Status.INVALID, m.status(), m.error());
    assertFalse(m.verified());
    assertTrue(m.error().startsWith("wrong answer"), m.error());
  }

  private CellResult run(Workload w, String impl, int size, String checksum, String kind) throws IOException {
    return run(w, impl, size, w.reference(size, 42, null), checksum, kind);
  }

  private CellResult run(Workload w, String impl, int size, Reference reference, String checksum, String kind) throws IOException {
    Cell cell = new Cell(w, TestCatalogue.find(impl), size, 1);
    String[] lv = impl.split("/");
    String json = """
        {"protocol": 2, "workload": "%s", "language": "%s", "variant": "%s", "size": %d, "threads": 1, "seed": 42,
         "warmup_ns": [900], "samples_ns": [300, 100, 200], "checksum": "%s", "checksum_kind": "%s",
         "peak_rss_bytes": 4096, "runtime": {"name": "fake"}}
        """.formatted(w.name(), lv[0], lv[1], size, checksum, kind);
    Path f = tmp.resolve("runner.sh");
    Files.writeString(f, "#!/bin/sh\ncat <<'EOF'\n" + json + "EOF\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
    return CellMeasurer.measure(cell, CellMeasurer.argsFor(cell, settings, null, false), settings, lv[0], List.of(f.toString()), tmp, reference);
  }
}
