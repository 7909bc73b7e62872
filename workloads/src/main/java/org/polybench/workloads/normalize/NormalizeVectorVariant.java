package org.polybench.workloads.normalize;

import org.polybench.workloads.*;

import java.util.Map;

/**
 * {@code java/vector} for {@code normalize}. It names no incubator type itself (only
 * {@link NormalizeVector} does), so registering it never loads the Vector API.
 */
public final class NormalizeVectorVariant implements Variant<double[], double[]> {

    @Override
    public double[] run(double[] input) {
        return NormalizeVector.normalize(input);
    }

    @Override
    public Map<String, Object> runtimeInfo() {
        return Map.of("vector_species", NormalizeVector.speciesDescription());
    }
}
