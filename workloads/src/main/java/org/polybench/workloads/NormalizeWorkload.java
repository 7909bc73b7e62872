package org.polybench.workloads;

/** {@code normalize}: {@code a} from {@code seed}; the checksum is the sum of the outputs. */
public final class NormalizeWorkload implements Workload<double[], double[]> {

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public double[] prepare(InputSpec spec) {
        return SplitMix64.doubles(spec.seed(), spec.size());
    }

    /** A plain left-to-right sum, the same for every variant, so only the kernels are compared. */
    @Override
    public double checksum(double[] output) {
        double sum = 0.0;
        for (double v : output) {
            sum += v;
        }
        return sum;
    }
}
