package org.polybench.harness.workload;

import java.util.List;

/** What the float64 vector workloads (dot, normalize) share: sizes counted in elements. */
abstract class VectorWorkload implements Workload {
  @Override
  public String sizeUnit() {
    return "elements";
  }

  @Override
  public List<Long> defaultSizes() {
    return List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
  }

  @Override
  public List<Long> quickSizes() {
    return List.of(1_000L, 1_000_000L);
  }
}
