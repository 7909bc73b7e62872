package org.polybench.workloads;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the runner's flags say about a workload's input, handed to {@link Workload#prepare}.
 *
 * @param size  problem size (elements for dot/normalize), already checked to be a valid array length
 * @param seed  SplitMix64 seed; read as unsigned 64-bit, stored as its bit pattern
 * @param input the {@code --input} file, only for workloads that read one
 * @param threads the {@code --threads} value: how many threads the kernel may use
 */
public record InputSpec(int size, long seed, Optional<Path> input, int threads) {

    public InputSpec {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        input = input == null ? Optional.empty() : input;
    }

    /** One thread: what every single-threaded workload gets. */
    public InputSpec(int size, long seed, Optional<Path> input) {
        this(size, seed, input, 1);
    }

    public static InputSpec generated(int size, long seed) {
        return new InputSpec(size, seed, Optional.empty());
    }
}
