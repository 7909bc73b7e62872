package org.polybench.workloads;

/**
 * A workload as docs/workloads.md defines it: how its input is made and how its output is reduced
 * to the checksum. Both are shared by every variant, so variants differ only in the timed kernel
 * and cannot disagree about what they are checked against.
 *
 * @param <I> the prepared input (made before timing starts)
 * @param <O> the kernel's output (reduced to a checksum after the timer stops)
 */
public interface Workload<I, O> {

    /** The protocol name, e.g. {@code dot}. */
    String name();

    /** Makes the input; never timed. */
    I prepare(InputSpec spec);

    /** The protocol checksum of one kernel output ({@code checksum_kind} "float"). */
    double checksum(O output);

    /**
     * Whether the runner may time several calls in one sample ({@link Measurement}'s calibration).
     * Workloads whose calls are long and whose per-call figures matter (tokenize's per-document
     * latencies, binary-trees' collections per iteration, parallel's threads) say no: one call per sample.
     */
    default boolean batched() {
        return true;
    }

    /**
     * Fields for the result's {@code extra} object, read once after the measured iterations (e.g.
     * per-document latencies, which tokenize takes from passes of its own with {@code kernel});
     * {@code warmup} says how many of the calls made were warm-up.
     */
    default java.util.Map<String, Object> extra(I input, Variant<I, O> kernel, int warmup) {
        return java.util.Map.of();
    }

    /**
     * The protocol's {@code checksum} string of one output: by default the float checksum in its
     * shortest round-trip form. Workloads with an exact checksum override this and {@link #checksumKind}.
     */
    default String checksumText(O output) {
        // Double.toString is the shortest round-trip form since JDK 19 (JDK-4511638).
        return Double.toString(checksum(output));
    }

    /**
     * The workload's verification input of this size (dot's, docs/workloads.md#dot), or null: the
     * runner runs the kernel on it once, untimed, before the seeded input is made, and appends its
     * checksum to the seeded one, separated by a space.
     */
    default I verificationInput(int size) {
        return null;
    }

    /** The protocol's {@code checksum_kind}: "float" unless the workload's spec says otherwise. */
    default String checksumKind() {
        return RunResult.CHECKSUM_KIND_FLOAT;
    }

    /**
     * Checks a readable {@code --input} file against the workload's rules before anything is
     * timed; an IllegalArgumentException's message becomes the runner's exit-2 line.
     */
    default void checkInput(java.nio.file.Path input, int size) {}

    /** Whether {@code --input} means anything to this workload; the runner rejects it otherwise. */
    default boolean readsInputFile() {
        return false;
    }
}
