package org.polybench.workloads.normalize;

import org.polybench.workloads.dot.DotTest;
import org.polybench.workloads.*;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both normalize kernels against the spec written out directly. Min, max, subtraction and division
 * are exact IEEE operations whatever the order, so the kernels must match the reference bit for bit.
 */
class NormalizeTest {

    static Stream<Named<UnaryOperator<double[]>>> kernels() {
        return Stream.of(
                Named.of("scalar", Normalize::normalize),
                Named.of("vector", NormalizeVector::normalize));
    }

    /** docs/workloads.md, literally. */
    static double[] reference(double[] a) {
        if (a.length == 0) {
            return new double[0];
        }
        double min = Arrays.stream(a).min().orElseThrow();
        double max = Arrays.stream(a).max().orElseThrow();
        double[] y = new double[a.length];
        if (max == min) {
            return y;
        }
        for (int i = 0; i < a.length; i++) {
            y[i] = (a[i] - min) / (max - min);
        }
        return y;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void emptyGivesEmpty(UnaryOperator<double[]> kernel) {
        assertEquals(0, kernel.apply(new double[0]).length);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sizeOneGivesZero(UnaryOperator<double[]> kernel) {
        assertArrayEquals(new double[] {0.0}, kernel.apply(new double[] {-3.25}));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void constantGivesZeros(UnaryOperator<double[]> kernel) {
        for (int n : new int[] {2, 7, 8, 9, 33}) {
            double[] a = new double[n];
            Arrays.fill(a, -1.5);
            assertArrayEquals(new double[n], kernel.apply(a), "length " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void negativesAndKnownValues(UnaryOperator<double[]> kernel) {
        assertArrayEquals(new double[] {0.0, 0.25, 1.0, 0.5},
                kernel.apply(new double[] {-4.0, -2.0, 4.0, 0.0}));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void returnsANewArrayAndLeavesTheInput(UnaryOperator<double[]> kernel) {
        double[] a = SplitMix64.doubles(9, 20);
        double[] copy = a.clone();
        double[] y = kernel.apply(a);
        assertNotSame(a, y);
        assertArrayEquals(copy, a);
    }

    /** Lengths 0..40 cover the two-accumulator loop, the single-vector loop and the scalar tails. */
    @ParameterizedTest
    @MethodSource("kernels")
    void lengthsZeroToFortyMatchReference(UnaryOperator<double[]> kernel) {
        for (int n = 0; n <= 40; n++) {
            double[] a = DotTest.signed(300 + n, n);
            assertArrayEquals(reference(a), kernel.apply(a), "length " + n);
        }
    }

    /** The extremes placed in the scalar tail and in different vector lanes must still be found. */
    @ParameterizedTest
    @MethodSource("kernels")
    void extremesAnywhere(UnaryOperator<double[]> kernel) {
        for (int n : new int[] {5, 17, 40}) {
            for (int pos = 0; pos < n; pos++) {
                double[] a = new double[n];
                Arrays.fill(a, 1.0);
                a[pos] = -10.0;
                a[n - 1 - pos] = 10.0;
                if (pos == n - 1 - pos) {
                    continue;
                }
                assertArrayEquals(reference(a), kernel.apply(a), "n=" + n + " pos=" + pos);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void largerInputsMatchReference(UnaryOperator<double[]> kernel) {
        for (int n : new int[] {1000, 4097}) {
            double[] a = DotTest.signed(n, n);
            assertArrayEquals(reference(a), kernel.apply(a), "length " + n);
        }
    }

    /**
     * Special values the vector kernel's fast min/max path does not handle itself (NaN, infinities,
     * which of +0.0/-0.0 is the min): wherever they sit (first vector, unrolled loop, tail), the
     * output must still be the reference's, bit for bit (signed zeros included).
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void specialValuesAnywhere(UnaryOperator<double[]> kernel) {
        double[][] pairs = {
            {Double.NaN, 0.5}, {Double.POSITIVE_INFINITY, 0.5}, {Double.NEGATIVE_INFINITY, 0.5},
            {-0.0, 0.0}, {0.0, -0.0}, {-0.0, -0.0}, {-0.0, 0.5}, {0.0, -0.5},
        };
        for (double[] pair : pairs) {
            for (int n : new int[] {3, 9, 40}) {
                for (int pos = 0; pos < n; pos++) {
                    double[] a = new double[n];
                    // Values in [0.25, 0.75] so the special value decides the min or max.
                    for (int i = 0; i < n; i++) {
                        a[i] = 0.25 + 0.5 * ((i * 7) % n) / n;
                    }
                    a[pos] = pair[0];
                    a[(pos + n / 2) % n] = pair[1];
                    if (pair[0] == 0.0 || pair[1] == 0.0) {
                        // Make zero the min or the max so its sign reaches the output.
                        for (int i = 0; i < n; i++) {
                            if (a[i] != 0.0) {
                                a[i] = pair[1] < 0 ? -Math.abs(a[i]) : Math.abs(a[i]);
                            }
                        }
                        a[(pos + n / 2) % n] = pair[1];
                    }
                    assertArrayEquals(reference(a), kernel.apply(a),
                            Arrays.toString(pair) + " n=" + n + " pos=" + pos);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void negativeZeroAsMinimumKeepsItsSign(UnaryOperator<double[]> kernel) {
        // min is -0.0 (Math.min ranks it below +0.0): +0.0 - (-0.0) = +0.0, -0.0 - (-0.0) = +0.0.
        double[] a = new double[20];
        Arrays.fill(a, 2.0);
        a[3] = 0.0;
        a[11] = -0.0;
        double[] y = kernel.apply(a);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(y[3]));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(y[11]));
        assertArrayEquals(reference(a), y);
    }
}
