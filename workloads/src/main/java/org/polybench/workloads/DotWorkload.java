package org.polybench.workloads;

/** {@code dot}: {@code a} from {@code seed}, {@code b} from {@code seed + 1}; the checksum is the dot value. */
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

    @Override
    public double checksum(Double output) {
        return output;
    }
}
