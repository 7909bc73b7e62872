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

    /** Whether {@code --input} means anything to this workload; the runner rejects it otherwise. */
    default boolean readsInputFile() {
        return false;
    }
}
