package org.polybench.workloads;

import org.polybench.workloads.dot.DotInput;
import org.polybench.workloads.dot.DotScalarVariant;
import org.polybench.workloads.dot.DotVectorVariant;
import org.polybench.workloads.dot.DotWorkload;
import org.polybench.workloads.normalize.NormalizeScalarVariant;
import org.polybench.workloads.normalize.NormalizeVectorVariant;
import org.polybench.workloads.normalize.NormalizeWorkload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two Java variants on the runner's own inputs (size 1000, seed 42), compared as the harness would. */
class ScalarVectorAgreementTest {

    private static final InputSpec SPEC = InputSpec.generated(1000, 42);

    static void assertRelativelyClose(double expected, double actual) {
        double relative = Math.abs(expected - actual) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(relative <= 1e-9, expected + " vs " + actual + " (relative " + relative + ")");
    }

    @Test
    void dot() {
        DotWorkload workload = new DotWorkload();
        DotInput input = workload.prepare(SPEC);
        double scalar = workload.checksum(new DotScalarVariant().run(input));
        double vector = workload.checksum(new DotVectorVariant().run(input));
        assertRelativelyClose(scalar, vector);
    }

    @Test
    void normalize() {
        NormalizeWorkload workload = new NormalizeWorkload();
        double[] input = workload.prepare(SPEC);
        // Same IEEE operations per element (subtract, then divide): bit for bit the same outputs.
        assertEquals(workload.checksumText(new NormalizeScalarVariant().run(input)),
                workload.checksumText(new NormalizeVectorVariant().run(input)));
    }
}
