package org.polybench.harness.plan;

import org.polybench.harness.workload.Workload;

/** One measurement to make: workload x implementation x size x threads. */
public record Cell(Workload workload, Implementation implementation, long size, int threads) {
  public String label() {
    return workload.name() + " " + implementation.id() + " n=" + String.format("%,d", size)
        + (threads > 1 ? " t=" + threads : "");
  }
}
