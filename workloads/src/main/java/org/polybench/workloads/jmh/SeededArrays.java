package org.polybench.workloads.jmh;

import org.openjdk.jmh.annotations.Param;

/**
 * A benchmark over the seeded float64 arrays of a vector workload (dot, normalize): the size and
 * the seed, as the runner gets them; the subclass makes its input from the workload itself in its
 * {@code @Setup}, so the data is the runner's for the same size and seed.
 */
public abstract class SeededArrays extends JmhSettings {
    @Param({"1000", "1000000", "10000000"})
    public int size;

    @Param("42")
    public long seed;
}
