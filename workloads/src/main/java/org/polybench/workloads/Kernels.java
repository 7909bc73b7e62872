package org.polybench.workloads;

/** Argument checks shared by the kernels, kept outside the vector classes so they need no incubator types. */
public final class Kernels {

    private Kernels() {}

    public static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length: " + a.length + " vs " + b.length);
        }
    }
}
