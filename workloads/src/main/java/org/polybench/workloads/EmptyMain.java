package org.polybench.workloads;

/** The startup workload's Java program (docs/workloads.md#startup): a class whose main does nothing. */
public final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {}
}
