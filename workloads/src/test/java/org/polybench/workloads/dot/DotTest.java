package org.polybench.workloads.dot;

import org.polybench.workloads.*;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both dot kernels against an exact reference. */
public class DotTest {

    /** A kernel under test, as a plain function so scalar and vector share every case. */
    interface DotKernel {
        double dot(double[] a, double[] b);
    }

    static Stream<Named<DotKernel>> kernels() {
        return Stream.of(Named.of("scalar", Dot::dot), Named.of("vector", DotVector::dot));
    }

    /** The exact dot product (BigDecimal has no rounding), rounded once at the end. */
    static double exactDot(double[] a, double[] b) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            sum = sum.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return sum.doubleValue();
    }

    /**
     * Any summation order is within n * eps * sum |a_i b_i| of the exact value; the generous
     * factor keeps the check about correctness, not rounding.
     */
    static void assertCloseToExact(double[] a, double[] b, double actual) {
        double magnitude = 0.0;
        for (int i = 0; i < a.length; i++) {
            magnitude += Math.abs(a[i] * b[i]);
        }
        double tolerance = 4.0 * (a.length + 1) * Math.ulp(1.0) * magnitude;
        assertEquals(exactDot(a, b), actual, tolerance, "length " + a.length);
    }

    /** Values in [-1, 1) so sums cancel. */
    public static double[] signed(long seed, int n) {
        double[] v = SplitMix64.doubles(seed, n);
        for (int i = 0; i < n; i++) {
            v[i] = 2.0 * v[i] - 1.0;
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void emptyIsZero(DotKernel kernel) {
        assertEquals(0.0, kernel.dot(new double[0], new double[0]));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sizeOne(DotKernel kernel) {
        assertEquals(-7.5, kernel.dot(new double[] {2.5}, new double[] {-3.0}));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void smallExactCase(DotKernel kernel) {
        // Small integers: every order of additions is exact.
        assertEquals(1 * 4 - 2 * 5 + 3 * -6, kernel.dot(new double[] {1, -2, 3}, new double[] {4, 5, -6}));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void constantInputs(DotKernel kernel) {
        double[] a = new double[37];
        double[] b = new double[37];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, -2.0);
        assertEquals(-37.0, kernel.dot(a, b));
    }

    /** Every length from 0 to 40 covers the unrolled loop, the single-vector loop and the scalar tail. */
    @ParameterizedTest
    @MethodSource("kernels")
    void lengthsZeroToForty(DotKernel kernel) {
        for (int n = 0; n <= 40; n++) {
            double[] a = signed(100 + n, n);
            double[] b = signed(200 + n, n);
            assertCloseToExact(a, b, kernel.dot(a, b));
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void largerSignedInputs(DotKernel kernel) {
        for (int n : new int[] {63, 64, 65, 257, 1000, 4099}) {
            double[] a = signed(n, n);
            double[] b = signed(n + 1, n);
            assertCloseToExact(a, b, kernel.dot(a, b));
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void differentLengthsAreRejected(DotKernel kernel) {
        assertThrows(IllegalArgumentException.class, () -> kernel.dot(new double[3], new double[4]));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void inputsAreNotModified(DotKernel kernel) {
        double[] a = signed(1, 50);
        double[] b = signed(2, 50);
        double[] aCopy = a.clone();
        double[] bCopy = b.clone();
        kernel.dot(a, b);
        assertArrayEquals(aCopy, a);
        assertArrayEquals(bCopy, b);
    }

}
