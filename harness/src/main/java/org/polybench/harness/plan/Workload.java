package org.polybench.harness.plan;

import java.util.List;
import org.polybench.harness.verify.Reference;

/**
 * A task with a precise spec (docs/workloads.md) that every language implements. Each workload is
 * one file implementing this interface plus one line in {@link Workloads}.
 */
public interface Workload {
  /** The one name used everywhere: CLI, runner flag, JSON, charts. */
  String name();

  /** One line for `./bench list` and the report. */
  String description();

  /** What `size` counts, for axis labels: "elements", "bytes". */
  String sizeUnit();

  /** Sizes of a full run (`./bench run`). */
  List<Long> defaultSizes();

  /** Sizes of `./bench run --quick`. */
  List<Long> quickSizes();

  /** The correct answer for (size, seed), computed independently of every implementation. */
  Reference reference(long size, long seed);
}
