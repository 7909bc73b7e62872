package org.polybench.workloads.dot;

import org.polybench.workloads.*;

import java.util.Map;

/**
 * {@code java/vector} for {@code dot}. It names no incubator type itself (only {@link DotVector}
 * does), so registering it never loads the Vector API.
 */
public final class DotVectorVariant implements Variant<DotInput, Double> {

    @Override
    public Double run(DotInput input) {
        return DotVector.dot(input.a(), input.b());
    }

    @Override
    public Map<String, Object> runtimeInfo() {
        return Map.of("vector_species", DotVector.speciesDescription());
    }
}
