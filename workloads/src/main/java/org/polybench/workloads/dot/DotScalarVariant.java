package org.polybench.workloads.dot;

import org.polybench.workloads.*;

/** {@code java/scalar} for {@code dot}. */
public final class DotScalarVariant implements Variant<DotInput, Double> {

    @Override
    public Double run(DotInput input) {
        return Dot.dot(input.a(), input.b());
    }
}
