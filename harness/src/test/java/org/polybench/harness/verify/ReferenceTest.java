package org.polybench.harness.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.polybench.harness.workload.Dot;
import org.polybench.harness.workload.Normalize;
import org.polybench.workloads.SplitMix64;

class ReferenceTest {
  @Test
  void dotReferenceIsTheExactSumRoundedOnceThenTheVerificationInputsExactValue() {
    int n = 5000;
    double[] a = SplitMix64.doubles(42, n);
    double[] b = SplitMix64.doubles(43, n);
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
    double want = exact.round(MathContext.DECIMAL64).doubleValue();
    String[] got = new Dot().reference(n, 42, null).checksum().split(" ");
    assertEquals(want, Double.parseDouble(got[0]), Math.ulp(want));
    // docs/workloads.md#dot: every product 1 + 2^-25, summed exactly
    assertEquals(Double.toString(n * (1 + 0x1p-25)), got[1]);
  }

  @Test
  void dotToleranceIsTheFloat64BoundFarTighterThan1eMinus9() {
    // worst case n u below lambda^2 = 100 terms, the probabilistic bound above
    assertEquals(10 * 0x1p-53 / (1 - 10 * 0x1p-53) + 2 * 0x1p-53, FloatBound.dot(10), 1e-30);
    assertEquals(3.5e-14, FloatBound.dot(1000), 0.1e-14);
    assertEquals(3.5e-12, FloatBound.dot(10_000_000), 0.1e-12);
    Reference r = new Dot().reference(1000, 42, null);
    double value = Double.parseDouble(r.checksum().split(" ")[0]);
    assertEquals(FloatBound.dot(1000) * value, r.tolerances().get(0), 1e-6 * FloatBound.dot(1000) * value);
  }

  @Test
  void normalizeReferenceOfEmptyAndConstantInputIsTheSha256OfZeros() {
    assertEquals("0:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new Normalize().reference(0, 42, null).checksum());
    // size 1: one 0.0, eight zero bytes
    assertEquals("1:af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc", new Normalize().reference(1, 42, null).checksum());
  }

  @Test
  void normalizeReferenceHashesTheSpecsOutputsInOrder() throws Exception {
    double[] x = SplitMix64.doubles(7, 1000);
    double lo = 1, hi = 0;
    for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (double v : x) bytes.putDouble((v - lo) / (hi - lo));
    String want = "1000:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    assertEquals(want, new Normalize().reference(1000, 7, null).checksum());
  }

  @Test
  void floatsMatchWithinTheirTolerances() {
    Reference r = Reference.floats(new double[] {1000.0, 2.0}, new double[] {1e-10, 0});
    assertNull(r.mismatch("1000.00000000001 2.0", "float"));
    assertNotNull(r.mismatch("1000.000001 2.0", "float"));
    assertNotNull(r.mismatch("1000.0 2.0000000000000004", "float"));
    assertNotNull(r.mismatch("1000.0", "float"));
    assertNotNull(r.mismatch("NaN 2.0", "float"));
    assertNotNull(r.mismatch("abc 2.0", "float"));
    assertNotNull(r.mismatch(null, "float"));
  }

  @Test
  void kindMustAgree() {
    assertTrue(new Reference("5", ChecksumKind.U64).mismatch("5", "float").contains("checksum_kind"));
  }

  @Test
  void integersMatchExactly() {
    Reference r = new Reference("18446744073709551615", ChecksumKind.U64);
    assertNull(r.mismatch("18446744073709551615", "u64"));
    assertNotNull(r.mismatch("18446744073709551614", "u64"));
  }
}
