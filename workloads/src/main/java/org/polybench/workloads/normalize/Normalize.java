package org.polybench.workloads.normalize;

import org.polybench.workloads.*;

/**
 * {@code normalize}, scalar: one pass for min and max, then a new array of
 * {@code (a[i] - min) / (max - min)}, written as a plain Java loop.
 *
 * <p>It divides rather than multiplying by a precomputed reciprocal because that is what the spec
 * computes; the reciprocal would change the last bit of some outputs.
 */
public final class Normalize {

    private Normalize() {}

    /** A new array with every element scaled into [0, 1]; all zeros if the input is constant; empty stays empty. */
    public static double[] normalize(double[] a) {
        int n = a.length;
        double[] y = new double[n];
        if (n == 0) {
            return y;
        }
        double min = a[0];
        double max = a[0];
        for (int i = 1; i < n; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        if (max == min) {
            // Constant input (including size 1): the spec says zeros, and new double[] already is.
            return y;
        }
        double range = max - min;
        for (int i = 0; i < n; i++) {
            y[i] = (a[i] - min) / range;
        }
        return y;
    }
}
