package org.polybench.workloads.normalize;

import org.polybench.workloads.*;

/** {@code java/scalar} for {@code normalize}. */
public final class NormalizeScalarVariant implements Variant<double[], double[]> {

    @Override
    public double[] run(double[] input) {
        return Normalize.normalize(input);
    }
}
