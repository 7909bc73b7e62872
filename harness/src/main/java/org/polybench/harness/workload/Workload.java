package org.polybench.harness.workload;


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

  /**
   * A size with its unit, as titles and headings say it ("at 1,000,000 elements"): the size then
   * the unit by default; a workload whose unit reads as a name (binary-trees: "depth 16") puts the
   * unit first. {@code size} is already formatted (thousands separators, or compact as 1M). The one
   * place this wording is made: view.Numbers#sizePhrase asks it for every chart and table.
   */
  default String sizePhrase(String size) {
    return size + " " + sizeUnit();
  }

  /**
   * Whether charts put {@code size} on a log axis (the default: sizes span decades). A size that is
   * itself an exponent (binary-trees' depth: each step doubles the nodes) is drawn linear, where
   * its steps are equally spaced and a log time axis shows the doubling as a straight line.
   */
  default boolean logSizeAxis() {
    return true;
  }

  /**
   * What memory per element divides by ({@code (peak - baseline) / elements(size)}): the size itself
   * by default; binary-trees' size is a depth, so it counts the nodes alive at once instead.
   */
  default double elements(long size) {
    return size;
  }

  /** The word for one of {@link #elements}, in chart labels: "element", "node". */
  default String elementName() {
    return "element";
  }

  /** What {@link #elements} counts, for the summary's memory table. */
  default String elementsDescription() {
    return "size (size in " + sizeUnit() + ")";
  }

  /** Sizes of a full run (`./bench run`). */
  List<Long> defaultSizes();

  /** Sizes of `./bench run --quick`. */
  List<Long> quickSizes();

  /**
   * The implementations {@code ./bench run --quick} runs of this workload when --implementations
   * does not name them (ids such as {@code rust/threads}; a free-threaded twin {@code <id>-ft} goes
   * with its GIL build's id), or null for every one the runners list.
   */
  default java.util.Set<String> quickImplementations() {
    return null;
  }

  /**
   * Whether the workload's kernels use --threads: only threaded workloads get the thread sweep
   * (see {@code plan.Planner}); the others always run at one thread.
   */
  default boolean threaded() {
    return false;
  }

  /**
   * Warm-up work per cell in units of size (see {@code plan.Settings#warmupFor}): the run's
   * default, lowered by a workload whose slowest implementation would spend far too long on it.
   */
  default long warmupWork() {
    return DEFAULT_WARMUP_WORK;
  }

  /**
   * The fewest warm-up calls a JIT runner gets at any size of this workload (see {@code
   * plan.Settings#warmupFor}); by default {@link #DEFAULT_MIN_JIT_WARMUP}, which GraalPy's false
   * plateaus need. The minimum warm-up time applies besides it.
   */
  default int minJitWarmup() {
    return DEFAULT_MIN_JIT_WARMUP;
  }

  /**
   * The fewest warm-up calls of a JIT runner by default: GraalPy's dot at 1e7 sat on a false
   * plateau (about 750 ms) until call 26, then ran at about 390 ms.
   */
  int DEFAULT_MIN_JIT_WARMUP = 50;

  /**
   * The report sections this workload asks for, in the order summary.md shows them ({@link
   * Section}): by default the times, then the thread sweep for a threaded workload or the warm-up
   * traces for a single-threaded one, then the per-iteration latency percentiles, then the memory
   * figures. A workload with other needs
   * overrides this (and keeps {@link Section#MEMORY} unless its runners report no memory).
   */
  default java.util.List<Section> sections() {
    return threaded() ? java.util.List.of(Section.TIMES, Section.THREAD_SCALING, Section.LATENCY, Section.MEMORY)
        : java.util.List.of(Section.TIMES, Section.WARMUP, Section.LATENCY, Section.MEMORY);
  }

  /** The warm-up work of a workload that does not lower it: 1e8 elements. */
  long DEFAULT_WARMUP_WORK = 100_000_000L;

  /**
   * The file the runners read through --input, made once per size and seed under {@code dataDir}
   * (a cache shared by runs); null when the runners make their input from the seed alone.
   */
  default java.nio.file.Path input(long size, long seed, java.nio.file.Path dataDir) throws java.io.IOException {
    return null;
  }

  /**
   * The correct answer for (size, seed), computed independently of every implementation;
   * {@code input} is what {@link #input} returned.
   */
  Reference reference(long size, long seed, java.nio.file.Path input);
}
