package org.polybench.workloads.jmh;

import org.polybench.workloads.normalize.Normalize;
import org.polybench.workloads.normalize.NormalizeVector;
import org.polybench.workloads.normalize.NormalizeWorkload;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.polybench.workloads.InputSpec;

/**
 * JMH view of the {@code normalize} kernels, the referee of {@code ./bench crosscheck}. Each call allocates its
 * output array, as the spec requires a new array, so allocation and GC are part of the measured time
 * exactly as in the runner.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// The forked JVM needs the incubator module whatever flags the launching JVM had.
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class NormalizeBenchmark {

    @Param({"1000", "1000000", "10000000"})
    public int size;

    @Param("42")
    public long seed;

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
