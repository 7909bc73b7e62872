package org.polybench.workloads.parallel;

import org.polybench.workloads.*;

/**
 * {@code parallel}: the checksum is the exact sum as an unsigned decimal string ({@code checksum_kind}
 * "u64"), the same for every thread count.
 */
public final class ParallelWorkload implements Workload<ParallelInput, Long> {

    /** Long calls with per-call figures: one call per sample. */
    @Override
    public boolean batched() {
        return false;
    }


    public static final String CHECKSUM_KIND_U64 = "u64";

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public ParallelInput prepare(InputSpec spec) {
        return new ParallelInput(spec.size(), spec.seed(), spec.threads());
    }

    /** Not used: a double cannot hold every u64 exactly; the protocol gets {@link #checksumText}. */
    @Override
    public double checksum(Long output) {
        throw new UnsupportedOperationException("parallel's checksum is an exact u64: use checksumText");
    }

    @Override
    public String checksumText(Long output) {
        return Long.toUnsignedString(output);
    }

    @Override
    public String checksumKind() {
        return CHECKSUM_KIND_U64;
    }
}
