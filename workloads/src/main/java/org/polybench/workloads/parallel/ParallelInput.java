package org.polybench.workloads.parallel;

import org.polybench.workloads.*;

/**
 * What {@code parallel} works on: no data, just the range and how many threads may share it.
 *
 * @param seed    read as unsigned 64-bit, stored as its bit pattern
 * @param threads the {@code --threads} value
 */
public record ParallelInput(long size, long seed, int threads) {}
