package org.polybench.workloads;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the runner's flags say about a workload's input, handed to {@link Workload#prepare}.
 *
 * @param size  problem size (elements for dot/normalize), already checked to be a valid array length
 * @param seed  SplitMix64 seed; read as unsigned 64-bit, stored as its bit pattern
 * @param input the {@code --input} file, only for workloads that read one
 */
public record InputSpec(int size, long seed, Optional<Path> input) {

    public InputSpec {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        input = input == null ? Optional.empty() : input;
    }

    public static InputSpec generated(int size, long seed) {
        return new InputSpec(size, seed, Optional.empty());
    }
}
