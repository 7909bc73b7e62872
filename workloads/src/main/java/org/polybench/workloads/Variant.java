package org.polybench.workloads;

import java.util.Map;

/**
 * One Java implementation of a workload: the kernel call the runner times, and nothing else.
 *
 * @param <I> the workload's prepared input
 * @param <O> the workload's output
 */
@FunctionalInterface
public interface Variant<I, O> {

    /** The timed call. Must not keep state between calls: every iteration has to give the same output. */
    O run(I input);

    /** Extra {@code runtime} entries this variant's results depend on (e.g. the vector species). */
    default Map<String, Object> runtimeInfo() {
        return Map.of();
    }

    /**
     * Called once with the prepared input before the first (timed) call, untimed: start what the
     * kernel reuses, e.g. a thread pool sized by the input. Variants that start something also
     * implement {@link AutoCloseable}; the runner closes them after the last call.
     */
    default void setUp(I input) {}
}
