package org.polybench.workloads.dot;

import org.polybench.workloads.*;

/**
 * {@code dot}, scalar: the plain loop a Java developer writes over {@code double[]}.
 *
 * <p>The single accumulator is deliberate: Java's strict left-to-right floating-point order stops
 * C2 from reordering (and so from vectorising) the reduction, which is exactly the baseline
 * {@link DotVector} is compared against.
 */
public final class Dot {

    private Dot() {}

    /** Sum over i of {@code a[i] * b[i]}; 0.0 for empty inputs. */
    public static double dot(double[] a, double[] b) {
        Kernels.requireSameLength(a, b);
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
