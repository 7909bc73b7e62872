package org.polybench.harness.plan;

import java.util.List;

/** The cells of a run, in the order they are measured, and how to measure them. */
public record Plan(List<Cell> cells, Settings settings) {
  public List<String> languages() {
    // the runners to build and start (Implementation.runner(): python/graalpy runs on "graalpy")
    return cells.stream().map(c -> c.implementation().runner()).distinct().toList();
  }
}
