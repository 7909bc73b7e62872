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
  void dotReferenceIsTheExactSumRoundedOnce() {
    int n = 5000;
    double[] a = SplitMix64.doubles(42, n);
    double[] b = SplitMix64.doubles(43, n);
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
    double want = exact.round(MathContext.DECIMAL64).doubleValue();
    double got = Double.parseDouble(new Dot().reference(n, 42, null).checksum());
    assertEquals(want, got, Math.ulp(want));
  }

  @Test
  void normalizeReferenceOfConstantAndEmptyInputIsZero() {
    assertEquals("0.0", new Normalize().reference(0, 42, null).checksum());
    assertEquals("0.0", new Normalize().reference(1, 42, null).checksum());
  }

  @Test
  void normalizeReferenceSumsTheScaledValues() {
    double[] x = SplitMix64.doubles(7, 1000);
    double lo = 1, hi = 0;
    for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : x) exact = exact.add(new BigDecimal((v - lo) / (hi - lo)));
    assertEquals(exact.doubleValue(), Double.parseDouble(new Normalize().reference(1000, 7, null).checksum()), 1e-12);
  }

  @Test
  void floatsMatchWithinTheRelativeTolerance() {
    Reference r = new Reference("1000.0", ChecksumKind.FLOAT);
    assertNull(r.mismatch("1000.0000000001", "float"));
    assertNotNull(r.mismatch("1000.00001", "float"));
    assertNotNull(r.mismatch("NaN", "float"));
    assertNotNull(r.mismatch("abc", "float"));
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
