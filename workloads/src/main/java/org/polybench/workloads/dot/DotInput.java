package org.polybench.workloads.dot;

import org.polybench.workloads.*;

/** The two vectors of {@code dot}; always the same length. */
public record DotInput(double[] a, double[] b) {

    public DotInput {
        Kernels.requireSameLength(a, b);
    }
}
