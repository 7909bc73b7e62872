package org.polybench.harness.plan;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polybench.harness.workload.Workload;

/**
 * Sizes of the thread sweep chosen per implementation (issue 12). Below some tens of milliseconds
 * per call a second thread measures the cost of waking an idle CPU, not parallelism, and the sizes
 * that give pure Python a second give Rust a fraction of a millisecond. So each implementation of
 * a threaded workload also runs at its own <b>calibrated size</b>: the size at which one call on one
 * thread lasts at least the target time ({@link #QUICK_TARGET} in --quick, {@link #FULL_TARGET}
 * otherwise), estimated from short calibration calls of the runner at known sizes (run.Orchestrator#calibrationTimer) and scaled
 * linearly (the workloads it applies to are linear in their size). The workload's own sizes stay
 * as the <b>common sizes</b> every implementation runs at, so times can still be compared at one
 * size. {@code --sizes} turns calibration off. The choices are recorded in results.json under
 * {@code settings.calibration} (see {@link #toSettings}), and the speedup chart and table read each
 * implementation's size from there.
 */
public final class Calibration {
  private Calibration() {}

  /**
   * --quick's target: 50 ms on one thread, 25 ms a thread at two, still tens of milliseconds. At
   * 100 ms the section took 36 s of the quick run's two minutes; at 50 ms 24 s, with the same
   * verdicts and speedups within each other's intervals (python/threads 0.945x [0.869x, 1.07x] at
   * 100 ms, 0.971x [0.899x, 1.07x] at 50; python/processes 1.84x and 1.96x; rust/rayon 1.99x and
   * 1.95x; java/threads 1.89x and 1.96x).
   */
  public static final Duration QUICK_TARGET = Duration.ofMillis(50);
  public static final Duration FULL_TARGET = Duration.ofMillis(500);

  /** Warm-up and measured calls of one calibration process: short, the median is what is used. */
  public static final int WARMUP = 2;

  public static final int ITERATIONS = 3;

  /**
   * A calibration call shorter than this fraction of the target is too short to scale from
   * (timer resolution, a cold cache, an interpreter not yet compiled): the runner is asked again
   * at a larger size before the estimate is made.
   */
  static final double SIGNAL = 0.1;

  /** The next calibration call aims at this fraction of the target. */
  static final double PROBE_AIM = 0.3;

  /** A calibration grows the size at most this much per call (a mis-timed tiny call must not explode it). */
  static final long MAX_GROWTH = 1000;

  /**
   * The scaled size aims this much above the target: a call's fixed cost (waking threads,
   * submitting to a pool) does not grow with the size, so pure linear scaling would fall just
   * short, and the timings of a shared machine wander by a few percent.
   */
  static final double MARGIN = 1.1;

  /** Calibration calls per implementation, at most. */
  static final int MAX_CALLS = 5;

  /** No calibrated size above this (about 1e12 elements). */
  static final long MAX_SIZE = 1L << 40;

  /** One calibration call: the time of one call (the fastest of one runner process) at one size and one thread, or why it failed. */
  public record Timing(long medianNs, String error) {
    public static Timing ok(long medianNs) {
      return new Timing(medianNs, null);
    }

    public static Timing failed(String error) {
      return new Timing(0, error);
    }
  }

  /** Runs one calibration call; the run's is a runner process (Orchestrator), tests give a fake. */
  @FunctionalInterface
  public interface Timer {
    Timing time(Workload workload, Implementation implementation, long size);
  }

  /**
   * What calibration chose for one implementation.
   *
   * @param size the calibrated size, or 0 when calibration failed (then {@code error} says why and
   *     the implementation runs at the common sizes only)
   * @param probeSize the size of the last calibration call, the one scaled from
   * @param probeMedianNs its time (the fastest call of that process; recorded as calibration_call_ns)
   */
  public record Choice(String implementation, long size, long probeSize, long probeMedianNs, String error) {
    public boolean ok() {
      return error == null && size > 0;
    }
  }

  /** The calibration of one workload. */
  public record Result(String workload, long targetNs, List<Long> commonSizes, List<Choice> choices) {
    /** The calibrated size of {@code implementation}, or 0. */
    public long sizeOf(String implementation) {
      return choices.stream().filter(c -> c.implementation().equals(implementation) && c.ok()).mapToLong(Choice::size).findFirst().orElse(0);
    }
  }

  public static Duration target(boolean quick) {
    return quick ? QUICK_TARGET : FULL_TARGET;
  }

  /** The workloads of {@code plan} that are calibrated: the threaded ones, unless --sizes was given. */
  public static List<Workload> workloads(Plan plan, boolean sizesGiven) {
    if (sizesGiven) return List.of();
    Set<Workload> out = new LinkedHashSet<>();
    for (Cell c : plan.cells()) {
      if (c.workload().threaded()) out.add(c.workload());
    }
    return List.copyOf(out);
  }

  /** Calibrates every implementation of each of {@code workloads} in {@code plan}, printing one line each. */
  public static List<Result> calibrate(Plan plan, List<Workload> workloads, Duration target, Timer timer, PrintStream out) {
    List<Result> results = new ArrayList<>();
    for (Workload w : workloads) {
      List<Long> common = plan.cells().stream().filter(c -> c.workload() == w).map(Cell::size).distinct().sorted().toList();
      long start = common.get(0);
      long floor = common.get(common.size() - 1);
      List<Choice> choices = new ArrayList<>();
      for (Implementation impl : implementationsOf(plan, w)) {
        if (out != null) {
          out.printf("calibrating %s %s (one thread, a call of at least %s) ", w.name(), impl.id(), ms(target.toNanos()));
          out.flush();
        }
        Choice c = choose(w, impl, start, floor, target.toNanos(), timer);
        if (out != null) {
          out.println(c.ok()
              ? String.format("-> n=%,d (n=%,d took %s)", c.size(), c.probeSize(), ms(c.probeMedianNs()))
              : "-> failed, common sizes only: " + c.error());
        }
        choices.add(c);
      }
      results.add(new Result(w.name(), target.toNanos(), common, List.copyOf(choices)));
    }
    return List.copyOf(results);
  }

  /**
   * The calibrated size of one implementation: calibration calls from {@code start}, growing the
   * size while a call is too short to scale from, then the last call scaled linearly to {@code
   * targetNs} with a {@link #MARGIN}, rounded up to two significant digits, and at least {@code floor} (the largest
   * common size, so an implementation's calibrated size is also its largest).
   */
  public static Choice choose(Workload w, Implementation impl, long start, long floor, long targetNs, Timer timer) {
    long size = Math.max(1, start);
    Timing t = null;
    for (int call = 1; call <= MAX_CALLS; call++) {
      t = timer.time(w, impl, size);
      if (t.error() != null) return new Choice(impl.id(), 0, size, 0, t.error());
      if (t.medianNs() >= SIGNAL * targetNs || size >= MAX_SIZE || call == MAX_CALLS) break;
      long grow = t.medianNs() <= 0 ? MAX_GROWTH : (long) Math.ceil(PROBE_AIM * targetNs / t.medianNs());
      size = Math.min(MAX_SIZE, size * Math.max(2, Math.min(MAX_GROWTH, grow)));
    }
    return new Choice(impl.id(), Math.max(floor, scale(size, t.medianNs(), Math.round(MARGIN * targetNs))), size, t.medianNs(), null);
  }

  /** {@code size * targetNs / medianNs}, rounded up to two significant digits, within [1, MAX_SIZE]. */
  static long scale(long size, long medianNs, long targetNs) {
    if (medianNs <= 0) return MAX_SIZE;
    BigDecimal exact = BigDecimal.valueOf(size).multiply(BigDecimal.valueOf(targetNs)).divide(BigDecimal.valueOf(medianNs), MathContext.DECIMAL64);
    BigDecimal up = exact.round(new MathContext(2, RoundingMode.CEILING));
    return Math.max(1, Math.min(MAX_SIZE, up.longValue()));
  }

  /**
   * {@code plan} with each calibrated workload's cells at the common sizes followed by, for every
   * implementation whose calibration succeeded, its cells at its calibrated size at every thread
   * count it runs at.
   */
  public static Plan apply(Plan plan, List<Result> results) {
    Map<String, Result> by = new LinkedHashMap<>();
    results.forEach(r -> by.put(r.workload(), r));
    List<Cell> out = new ArrayList<>();
    List<Cell> cells = plan.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      out.add(c);
      Result r = by.get(c.workload().name());
      boolean lastOfWorkload = i + 1 == cells.size() || cells.get(i + 1).workload() != c.workload();
      if (r == null || !lastOfWorkload) continue;
      for (Implementation impl : implementationsOf(plan, c.workload())) {
        long size = r.sizeOf(impl.id());
        if (size == 0 || r.commonSizes().contains(size)) continue;
        List<Integer> threads = cells.stream().filter(x -> x.workload() == c.workload() && x.implementation().equals(impl))
            .map(Cell::threads).distinct().toList();
        for (int t : threads) out.add(new Cell(c.workload(), impl, size, t));
      }
    }
    return new Plan(List.copyOf(out), plan.settings());
  }

  private static List<Implementation> implementationsOf(Plan plan, Workload w) {
    return plan.cells().stream().filter(c -> c.workload() == w).map(Cell::implementation).distinct().toList();
  }

  /**
   * {@code settings.calibration} of results.json: per workload the target, the common sizes and
   * per implementation the calibrated size (absent when it failed, with {@code error}), and the
   * calibration call it was scaled from.
   */
  public static Map<String, Object> toSettings(List<Result> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Result r : results) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("target_ns", r.targetNs());
      w.put("threads", 1);
      w.put("common_sizes", r.commonSizes());
      Map<String, Object> impls = new LinkedHashMap<>();
      for (Choice c : r.choices()) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (c.ok()) e.put("size", c.size());
        e.put("calibration_size", c.probeSize());
        if (c.ok()) e.put("calibration_call_ns", c.probeMedianNs());
        if (c.error() != null) e.put("error", c.error());
        impls.put(c.implementation(), e);
      }
      w.put("implementations", impls);
      out.put(r.workload(), w);
    }
    return out;
  }

  /** The results {@link #toSettings} wrote (a resumed run reuses them instead of calibrating again). */
  public static List<Result> fromSettings(Object calibration) {
    List<Result> out = new ArrayList<>();
    if (!(calibration instanceof Map<?, ?> m)) return out;
    for (var e : m.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> w)) continue;
      List<Long> common = w.get("common_sizes") instanceof List<?> l ? l.stream().map(x -> ((Number) x).longValue()).toList() : List.of();
      List<Choice> choices = new ArrayList<>();
      if (w.get("implementations") instanceof Map<?, ?> impls) {
        for (var ie : impls.entrySet()) {
          Map<?, ?> c = (Map<?, ?>) ie.getValue();
          choices.add(new Choice(String.valueOf(ie.getKey()), num(c.get("size")), num(c.get("calibration_size")),
              num(c.get("calibration_call_ns")), c.get("error") == null ? null : String.valueOf(c.get("error"))));
        }
      }
      out.add(new Result(String.valueOf(e.getKey()), num(w.get("target_ns")), common, List.copyOf(choices)));
    }
    return List.copyOf(out);
  }

  /** The calibrated size of {@code implementation} for {@code workload} in a run's settings, or 0 (none, or not calibrated). */
  public static long sizeIn(Map<String, Object> settings, String workload, String implementation) {
    if (settings == null) return 0;
    return fromSettings(settings.get("calibration")).stream().filter(r -> r.workload().equals(workload))
        .mapToLong(r -> r.sizeOf(implementation)).findFirst().orElse(0);
  }

  /** "57.9 ms": the console line's time (plan/ does not use view/, which reads plan/). */
  static String ms(long ns) {
    return new BigDecimal(ns / 1e6).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " ms";
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
