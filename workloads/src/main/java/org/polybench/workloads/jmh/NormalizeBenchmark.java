package org.polybench.workloads.jmh;

import org.polybench.workloads.normalize.Normalize;
import org.polybench.workloads.normalize.NormalizeVector;
import org.polybench.workloads.normalize.NormalizeWorkload;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.polybench.workloads.InputSpec;

/**
 * JMH view of the {@code normalize} kernels, the referee of {@code ./bench crosscheck}. Each call allocates its
 * output array, as the spec requires a new array, so allocation and GC are part of the measured time
 * exactly as in the runner.
 */
public class NormalizeBenchmark extends SeededArrays {

    private double[] a;

    @Setup(Level.Trial)
    public void prepare() {
        a = new NormalizeWorkload().prepare(InputSpec.generated(size, seed));
    }

    @Benchmark
    public double[] scalar() {
        return Normalize.normalize(a);
    }

    @Benchmark
    public double[] vector() {
        return NormalizeVector.normalize(a);
    }
}
