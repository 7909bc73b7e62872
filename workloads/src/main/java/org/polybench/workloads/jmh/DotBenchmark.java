package org.polybench.workloads.jmh;

import org.polybench.workloads.dot.Dot;
import org.polybench.workloads.dot.DotInput;
import org.polybench.workloads.dot.DotVector;
import org.polybench.workloads.dot.DotWorkload;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.polybench.workloads.InputSpec;

/**
 * JMH view of the {@code dot} kernels, for Java developers who want JMH's numbers next to the
 * runner's, and the referee of {@code ./bench crosscheck}. Inputs come from the workload itself, so the data is the
 * same as the runner's for the same size and seed.
 *
 * <p>The kernel's result is returned, so JMH's blackhole consumes it and the work cannot be dropped.
 */
public class DotBenchmark extends SeededArrays {

    private double[] a;
    private double[] b;

    @Setup(Level.Trial)
    public void prepare() {
        DotInput input = new DotWorkload().prepare(InputSpec.generated(size, seed));
        a = input.a();
        b = input.b();
    }

    @Benchmark
    public double scalar() {
        return Dot.dot(a, b);
    }

    @Benchmark
    public double vector() {
        return DotVector.dot(a, b);
    }
}
