package org.polybench.workloads.dot;

import org.polybench.workloads.*;

/** {@code dot}: {@code a} from {@code seed}, {@code b} from {@code seed + 1}; the checksum is the dot value, then the verification input's. */
public final class DotWorkload implements Workload<DotInput, Double> {

    @Override
    public String name() {
        return "dot";
    }

    @Override
    public DotInput prepare(InputSpec spec) {
        // seed + 1 wraps at 2^64, as the unsigned spec arithmetic does.
        return new DotInput(
                SplitMix64.doubles(spec.seed(), spec.size()),
                SplitMix64.doubles(spec.seed() + 1, spec.size()));
    }

    /** A quarter of float32's ulp above 1: rounding to float32 makes it 1. */
    static final double VERIFY_VALUE = 1 + 0x1p-25;

    /**
     * a[i] = 1 + 2^-25 at even i and 1 at odd i, b the other way round: every product is 1 + 2^-25
     * and every correct float64 order sums them exactly; a float32 input loses half the 2^-25s.
     */
    @Override
    public DotInput verificationInput(int size) {
        double[] a = new double[size];
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = i % 2 == 0 ? VERIFY_VALUE : 1.0;
            b[i] = i % 2 == 0 ? 1.0 : VERIFY_VALUE;
        }
        return new DotInput(a, b);
    }

    @Override
    public double checksum(Double output) {
        return output;
    }
}
