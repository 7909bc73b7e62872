package org.polybench.harness.claims;

import org.polybench.harness.stats.LatencyPercentiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.polybench.harness.claims.ClaimSpec.MetricSpec;
import org.polybench.harness.claims.ClaimSpec.Range;
import org.polybench.harness.stats.Bootstrap;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Cells;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.RunInfo;
import org.polybench.harness.workload.Workloads;

/**
 * Computes every registry entry's estimates from a run's cells, then its verdict. Only usable
 * cells (ok and verified) are used; every number the run cannot give becomes a {@link Missing}
 * with its reason, and a claim missing a number it needs is inconclusive, never answered from a
 * stand-in.
 */
public final class Evaluator {
  private final RunRecord run;
  private final Integer cores;

  private Evaluator(RunRecord run) {
    this.run = run;
    Double c = RunInfo.num(run.environment() == null ? Map.of() : run.environment(), "machine", "logical_cores");
    this.cores = c == null ? null : c.intValue();
  }

  /** The outcome of every entry of {@code registry} on {@code run}, in registry order. */
  public static List<Outcome> evaluate(Registry registry, RunRecord run) {
    Evaluator e = new Evaluator(run);
    return registry.claims().stream().map(e::outcome).toList();
  }

  public static Outcome evaluate(ClaimSpec claim, RunRecord run) {
    return new Evaluator(run).outcome(claim);
  }

  private Outcome outcome(ClaimSpec c) {
    List<Missing> missing = new ArrayList<>();
    Range range = null;
    if (c.range() != null) {
      if (c.range().perCore() && cores == null) {
        return new Outcome(c, c.isFinding() ? Verdict.FINDING : Verdict.INCONCLUSIVE, null, List.of(), null,
            List.of(new Missing("range", "the logical core count was not recorded (environment.machine.logical_cores)", false)),
            List.of(), "the logical core count was not recorded, so the per-core range is unknown", List.of());
      }
      range = c.range().on(cores == null ? 1 : cores);
    }
    if (c.metric().kind().equals("crossover")) {
      List<Crossing> crossings = crossings(c.metric(), missing);
      List<Estimate> all = crossings.stream().flatMap(x -> x.curve().stream()).distinct().toList();
      // the estimate column shows the first ratio's crossings; the reason gives the others'
      String reason = crossings.isEmpty()
          ? firstWhy(missing, "no sizes to compare")
          : crossings.stream().filter(x -> !x.numerator().equals(crossings.get(0).numerator()) || !x.workload().equals(crossings.get(0).workload()))
              .map(x -> x.numerator() + " / " + x.denominator() + " " + x.text()).reduce((a, b) -> a + "; " + b)
              .orElse("where the call overhead stops dominating; no verdict");
      return new Outcome(c, Verdict.FINDING, null, all, null, missing, crossings, reason, List.of());
    }
    List<Estimate> estimates = estimates(c.metric(), range, missing);
    List<Outcome> also = new ArrayList<>();
    for (ClaimSpec.Condition cond : c.also()) {
      ClaimSpec sub = new ClaimSpec(c.id() + "-also", c.type(), c.articles(), "", cond.mapping(), cond.metric(), cond.range(),
          cond.mapping(), List.of(), c.combine());
      also.add(outcome(sub));
    }
    if (c.isFinding()) {
      String reason = estimates.isEmpty() ? firstWhy(missing, "nothing to compare")
          : estimates.size() + (estimates.size() == 1 ? " estimate" : " estimates") + (missing.isEmpty() ? "" : "; " + missing.size() + " not measured");
      return new Outcome(c, Verdict.FINDING, range, estimates, estimates.isEmpty() ? null : estimates.get(0), missing, List.of(), reason, List.of());
    }
    return decide(c, range, estimates, missing, also);
  }

  /** The rule "every": supported when every CI lies inside, refuted when every one lies outside. */
  private static Outcome decide(ClaimSpec c, Range range, List<Estimate> est, List<Missing> missing, List<Outcome> also) {
    List<Missing> required = missing.stream().filter(m -> !m.optional()).toList();
    List<String> absent = c.metric().optional().stream()
        .filter(n -> missing.stream().anyMatch(m -> m.optional() && m.what().contains(n))).toList();
    String optionalNote = absent.isEmpty() ? "" : " (without " + String.join(", ", absent) + ": not measured)";
    Verdict v;
    Estimate head;
    String reason;
    if (!required.isEmpty()) {
      v = Verdict.INCONCLUSIVE;
      head = est.isEmpty() ? null : est.get(0);
      reason = firstWhy(required, "");
    } else if (est.isEmpty()) {
      v = Verdict.INCONCLUSIVE;
      head = null;
      reason = firstWhy(missing, "no cell to compute it from");
    } else if (est.stream().anyMatch(e -> e.position() == Estimate.Position.NO_INTERVAL)) {
      v = Verdict.INCONCLUSIVE;
      head = est.stream().filter(e -> e.position() == Estimate.Position.NO_INTERVAL).findFirst().orElseThrow();
      reason = "no confidence interval for this metric yet (one figure per cell), so no verdict: " + head.label() + " = " + head.text();
    } else if (est.stream().allMatch(e -> e.position() == Estimate.Position.INSIDE)) {
      v = Verdict.SUPPORTED;
      head = est.stream().min(Comparator.comparingDouble(e -> e.margin(range))).orElseThrow();
      reason = (est.size() == 1 ? "its 95% CI lies" : "all " + est.size() + " 95% CIs lie") + " inside " + rangeText(range, head.unit())
          + (est.size() == 1 ? "" : "; closest to a bound: " + head.label()) + optionalNote;
    } else if (est.stream().allMatch(e -> e.position() == Estimate.Position.OUTSIDE)) {
      v = Verdict.REFUTED;
      head = est.stream().min(Comparator.comparingDouble(e -> e.margin(range))).orElseThrow();
      reason = (est.size() == 1 ? "its 95% CI lies" : "all " + est.size() + " 95% CIs lie") + " outside " + rangeText(range, head.unit())
          + (est.size() == 1 ? "" : "; closest to the range: " + head.label()) + optionalNote;
    } else {
      v = Verdict.INCONCLUSIVE;
      Optional<Estimate> straddling = est.stream().filter(e -> e.position() == Estimate.Position.STRADDLES).findFirst();
      if (straddling.isPresent()) {
        head = straddling.get();
        reason = "the 95% CI of " + head.label() + " " + head.text() + " straddles a bound of " + rangeText(range, head.unit());
      } else {
        // the cells disagree: the headline is the first that misses, the reason names both sides
        head = est.stream().filter(e -> e.position() == Estimate.Position.OUTSIDE).findFirst().orElseThrow();
        Estimate hit = est.stream().filter(e -> e.position() == Estimate.Position.INSIDE).findFirst().orElseThrow();
        long in = est.stream().filter(e -> e.position() == Estimate.Position.INSIDE).count();
        reason = "the cells disagree: " + in + " of " + est.size() + " CIs lie inside " + rangeText(range, head.unit()) + " (e.g. "
            + hit.label() + " " + hit.text() + "), " + head.label() + " " + head.text() + " lies outside";
      }
    }
    for (Outcome a : also) {
      if (a.verdict() == Verdict.SUPPORTED || v == Verdict.REFUTED) continue;
      if (a.verdict() == Verdict.REFUTED) {
        v = Verdict.REFUTED;
        reason = "its condition \"" + a.spec().statement() + "\" is refuted: " + a.reason();
      } else if (v == Verdict.SUPPORTED) {
        v = Verdict.INCONCLUSIVE;
        reason = "its condition \"" + a.spec().statement() + "\" is inconclusive: " + a.reason();
      }
    }
    return new Outcome(c, v, range, est, head, missing, List.of(), reason, List.copyOf(also));
  }

  public static String rangeText(Range r, String unit) {
    if (r == null) return "";
    if (!"ns".equals(unit)) {
      java.util.function.DoubleFunction<String> b = v -> new java.math.BigDecimal(Numbers.sig3(v)).stripTrailingZeros().toPlainString() + "x";
      if (r.low() != null && r.high() != null) return "[" + b.apply(r.low()) + ", " + b.apply(r.high()) + ")";
      return r.low() != null ? "≥ " + b.apply(r.low()) : "< " + b.apply(r.high());
    }
    if (r.low() != null && r.high() != null) return "[" + Estimate.format(r.low(), unit) + ", " + Estimate.format(r.high(), unit) + ")";
    if (r.low() != null) return "≥ " + Estimate.format(r.low(), unit);
    return "< " + Estimate.format(r.high(), unit);
  }

  private static String firstWhy(List<Missing> missing, String otherwise) {
    if (missing.isEmpty()) return otherwise;
    String first = missing.get(0).text();
    return missing.size() == 1 ? first : first + " (and " + (missing.size() - 1) + " more)";
  }

  // ---- estimates -------------------------------------------------------------------------

  private List<Estimate> estimates(MetricSpec m, Range range, List<Missing> missing) {
    List<Estimate> out = new ArrayList<>();
    for (String w : m.workloads()) {
      for (String num : m.numerators()) {
        boolean optional = m.optional().contains(num);
        List<Missing> here = new ArrayList<>();
        switch (m.kind()) {
          case "speedup" -> speedup(m, w, num, range, out, here);
          case "median-time" -> median(m, w, num, range, out, here);
          default -> ratios(m, w, num, range, out, here);
        }
        for (Missing x : here) missing.add(new Missing(x.what(), x.why(), optional));
      }
    }
    return out;
  }

  private void ratios(MetricSpec m, String w, String num, Range range, List<Estimate> out, List<Missing> missing) {
    String what = w + ": " + num + " / " + m.denominator();
    if (!workloadPresent(w, what, missing)) return;
    for (long size : sizesFor(m, w, num, m.denominator())) {
      Optional<CellResult> a = pick(w, num, size, 1, m, true);
      Optional<CellResult> b = pick(w, m.denominator(), size, 1, m, false);
      if (a.isEmpty() || b.isEmpty()) {
        missing.add(new Missing(w + " n=" + Numbers.size(size) + ": " + num + " / " + m.denominator(),
            why(w, a.isEmpty() ? num : m.denominator(), size, 1, null), false));
        continue;
      }
      String label = w + " n=" + Numbers.size(size) + ": " + a.get().implementation() + " / " + b.get().implementation();
      switch (m.kind()) {
        case "time-ratio" -> {
          Bootstrap.Interval in = Bootstrap.ratioOfMedians(a.get().samplesByInvocation(), b.get().samplesByInvocation());
          out.add(new Estimate(w, size, 1, label, List.of(a.get(), b.get()), in.estimate(), in, "x", Estimate.position(in, range)));
        }
        case "bytes-per-element-ratio" -> {
          String field = m.extra().get("baseline_field");
          Double pa = bytesPerElement(a.get(), field);
          Double pb = bytesPerElement(b.get(), field);
          if (pa == null || pb == null) {
            CellResult lacking = pa == null ? a.get() : b.get();
            missing.add(new Missing(label, lacking.implementation() + " has no baseline RSS (extra." + field
                + " not recorded): peak RSS alone counts the interpreter or runtime, which we do not use as a stand-in", false));
            continue;
          }
          out.add(new Estimate(w, size, 1, label, List.of(a.get(), b.get()), pa / pb, null, "x",
              range == null ? Estimate.Position.NO_RANGE : Estimate.Position.NO_INTERVAL));
        }
        case "tail-spread-ratio" -> {
          CellResult few = tooFewForP99(a.get()) ? a.get() : tooFewForP99(b.get()) ? b.get() : null;
          if (few != null) {
            missing.add(new Missing(label, few.implementation() + " has " + Numbers.size(few.latency().n())
                + " measured samples; a p99 needs at least " + Numbers.size(LatencyPercentiles.minSamples(990))
                + " (with fewer, the nearest rank is the maximum): run with more --iterations or --invocations", false));
            continue;
          }
          double sa = tailSpread(a.get());
          double sb = tailSpread(b.get());
          out.add(new Estimate(w, size, 1, label, List.of(a.get(), b.get()), sa / sb, null, "x",
              range == null ? Estimate.Position.NO_RANGE : Estimate.Position.NO_INTERVAL));
        }
        default -> throw new IllegalStateException("metric kind " + m.kind());
      }
    }
  }

  private void median(MetricSpec m, String w, String impl, Range range, List<Estimate> out, List<Missing> missing) {
    if (!workloadPresent(w, w + ": " + impl, missing)) return;
    for (long size : sizesFor(m, w, impl, null)) {
      Optional<CellResult> a = pick(w, impl, size, 1, m, true);
      if (a.isEmpty()) {
        missing.add(new Missing(w + " n=" + Numbers.size(size) + ": " + impl, why(w, impl, size, 1, null), false));
        continue;
      }
      // the median's own interval: a ratio over a constant 1 ns, through the same bootstrap
      Bootstrap.Interval in = Bootstrap.ratioOfMedians(a.get().samplesByInvocation(), List.of(List.of(1L)));
      String label = w + " n=" + Numbers.size(size) + ": " + a.get().implementation() + " median";
      out.add(new Estimate(w, size, 1, label, List.of(a.get()), in.estimate(), in, "ns", Estimate.position(in, range)));
    }
  }

  private void speedup(MetricSpec m, String w, String impl, Range range, List<Estimate> out, List<Missing> missing) {
    String what = w + ": " + impl + " speedup";
    if (!workloadPresent(w, what, missing)) return;
    if (cores == null && "cores".equals(m.threads())) {
      missing.add(new Missing(what, "the logical core count was not recorded (environment.machine.logical_cores)", false));
      return;
    }
    int target = "cores".equals(m.threads()) ? cores : Integer.parseInt(m.threads());
    if (target < 2) {
      missing.add(new Missing(what, "the machine has one logical core: there is no parallel speedup to measure", false));
      return;
    }
    Predicate<CellResult> gil = gilFilter(m.gil());
    List<CellResult> of = cellsOf(w, impl);
    if (of.isEmpty()) {
      missing.add(new Missing(what, why(w, impl, null, null, null), false));
      return;
    }
    List<CellResult> allowed = of.stream().filter(gil).toList();
    if (allowed.isEmpty()) {
      missing.add(new Missing(what, "off".equals(m.gil())
          ? impl + " ran only with the GIL enabled: no free-threaded build (runtime.gil_enabled false) was measured; build one with ./bench build --free-threaded, then ./bench run --free-threaded (or --python /path/to/python3.13t)"
          : impl + " ran only without the GIL (a free-threaded build), not on an interpreter with the GIL", false));
      return;
    }
    TreeSet<Long> both = new TreeSet<>();
    for (CellResult x : allowed) {
      if (x.usable() && x.threads() == target && allowed.stream().anyMatch(y -> y.usable() && y.threads() == 1 && y.size() == x.size())) {
        both.add(x.size());
      }
    }
    if (both.isEmpty()) {
      boolean atTarget = allowed.stream().anyMatch(x -> x.threads() == target);
      missing.add(new Missing(what, atTarget
          ? impl + " has no size with usable cells at both T = 1 and T = " + target + " (" + statuses(allowed) + ")"
          : impl + " was not measured at T = " + target + " (the logical core count): threads run were "
              + new TreeSet<>(allowed.stream().map(CellResult::threads).toList()), false));
      return;
    }
    List<Long> sizes = m.sizes().equals("largest") ? List.of(both.last()) : both.stream().filter(s -> sizeMatches(m, s)).toList();
    for (long size : sizes) {
      CellResult one = allowed.stream().filter(x -> x.usable() && x.threads() == 1 && x.size() == size).findFirst().orElseThrow();
      CellResult many = allowed.stream().filter(x -> x.usable() && x.threads() == target && x.size() == size).findFirst().orElseThrow();
      Bootstrap.Interval in = Bootstrap.ratioOfMedians(one.samplesByInvocation(), many.samplesByInvocation());
      String label = w + " n=" + Numbers.size(size) + ": " + impl + " T=1 / T=" + target;
      out.add(new Estimate(w, size, target, label, List.of(one, many), in.estimate(), in, "x", Estimate.position(in, range)));
    }
  }

  private List<Crossing> crossings(MetricSpec m, List<Missing> missing) {
    List<Crossing> out = new ArrayList<>();
    for (String w : m.workloads()) {
      for (String num : m.numerators()) {
        String what = w + ": " + num + " / " + m.denominator();
        if (!workloadPresent(w, what, missing)) continue;
        List<Estimate> curve = new ArrayList<>();
        for (long size : sizesOf(w)) {
          Optional<CellResult> a = pick(w, num, size, 1, m, true);
          Optional<CellResult> b = pick(w, m.denominator(), size, 1, m, false);
          if (a.isEmpty() || b.isEmpty()) continue;
          Bootstrap.Interval in = Bootstrap.ratioOfMedians(a.get().samplesByInvocation(), b.get().samplesByInvocation());
          String label = w + " n=" + Numbers.size(size) + ": " + a.get().implementation() + " / " + b.get().implementation();
          curve.add(new Estimate(w, size, 1, label, List.of(a.get(), b.get()), in.estimate(), in, "x", Estimate.Position.NO_RANGE));
        }
        if (curve.size() < 2) {
          missing.add(new Missing(what, curve.isEmpty() ? why(w, cellsOf(w, num).isEmpty() ? num : m.denominator(), null, null, null)
              : "usable at one size only (n=" + Numbers.size(curve.get(0).size()) + "): a crossing needs two or more", false));
          continue;
        }
        if (curve.get(0).size() > 100) {
          missing.add(new Missing(what, "the smallest size measured is n=" + Numbers.size(curve.get(0).size())
              + ": the call overhead shows at 1, 10 and 100 elements (./bench run --sizes 1,10,100,1000,1e5,1e6)", true));
        }
        List<Long> sizes = curve.stream().map(Estimate::size).toList();
        double[] est = curve.stream().mapToDouble(Estimate::point).toArray();
        double[] lo = curve.stream().mapToDouble(Estimate::low).toArray();
        double[] hi = curve.stream().mapToDouble(Estimate::high).toArray();
        for (double k : m.thresholds()) {
          Double at = Crossing.firstCrossing(sizes, est, k);
          String note = "";
          if (at == null) {
            boolean above = est[0] > k;
            note = above ? "above " + Crossing.times(k) + " at every size measured (from n=" + Numbers.size(sizes.get(0)) + ")"
                : "below " + Crossing.times(k) + " at every size measured (up to n=" + Numbers.size(sizes.get(sizes.size() - 1)) + ")";
          }
          // the interval bounds' crossings; a bound that never crosses leaves that side open:
          // already past k at the smallest size (open below) or never reaching it (open above).
          // A noisy ratio may cross back later: the first crossing is the one reported.
          double before = Math.signum(est[0] - k);
          Double low = at;
          Double high = at;
          boolean openBelow = false;
          boolean openAbove = false;
          for (double[] bound : List.of(lo, hi)) {
            Double x = Crossing.firstCrossing(sizes, bound, k);
            if (x != null) {
              low = low == null ? x : Math.min(low, x);
              high = high == null ? x : Math.max(high, x);
            } else if (Math.signum(bound[0] - k) != before) {
              openBelow = true;
            } else {
              openAbove = true;
            }
          }
          if (openBelow) low = null;
          if (openAbove) high = null;
          out.add(new Crossing(w, num, m.denominator(), k, List.copyOf(curve), at, low, high, note));
        }
      }
    }
    return out;
  }

  // ---- cells -----------------------------------------------------------------------------

  private boolean workloadPresent(String w, String what, List<Missing> missing) {
    if (Workloads.find(w).isEmpty()) {
      missing.add(new Missing(what, "the " + w + " workload does not exist yet in this harness, so no cell measures it", false));
      return false;
    }
    if (run.measurements().stream().noneMatch(x -> x.workload().equals(w))) {
      missing.add(new Missing(what, "no " + w + " cells in this run (./bench run --workloads " + w + ")", false));
      return false;
    }
    return true;
  }

  /** The sizes a metric uses for this pair; for {@code largest}, the largest with both usable. */
  private List<Long> sizesFor(MetricSpec m, String w, String num, String den) {
    List<Long> all = sizesOf(w);
    if (m.sizes().equals("largest")) {
      for (int i = all.size() - 1; i >= 0; i--) {
        long s = all.get(i);
        if (pick(w, num, s, 1, m, true).isPresent() && (den == null || pick(w, den, s, 1, m, false).isPresent())) return List.of(s);
      }
      return all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1));
    }
    List<Long> matching = all.stream().filter(s -> sizeMatches(m, s)).toList();
    if (matching.isEmpty() && m.sizes().startsWith("exact:")) return List.of(m.sizeBound());
    if (matching.isEmpty()) return List.of(m.sizeBound()); // reported missing at the bound itself
    return matching;
  }

  private static boolean sizeMatches(MetricSpec m, long s) {
    if (m.sizes().startsWith("min:")) return s >= m.sizeBound();
    if (m.sizes().startsWith("exact:")) return s == m.sizeBound();
    return true;
  }

  private List<Long> sizesOf(String w) {
    return new TreeSet<>(run.measurements().stream().filter(x -> x.workload().equals(w)).map(CellResult::size).toList()).stream().toList();
  }

  private List<CellResult> cellsOf(String w, String pattern) {
    return run.measurements().stream().filter(x -> x.workload().equals(w) && matches(pattern, x)).toList();
  }

  /**
   * The usable cell of {@code pattern} at (w, size, threads); for {@code lang/*} the fastest
   * (or, for memory, the leanest) usable variant of that language.
   */
  private Optional<CellResult> pick(String w, String pattern, long size, int threads, MetricSpec m, boolean numerator) {
    Comparator<CellResult> best = m.kind().equals("bytes-per-element-ratio")
        ? Comparator.comparingDouble(x -> { Double b = bytesPerElement(x, m.extra().get("baseline_field")); return b == null ? Double.MAX_VALUE : b; })
        : Comparator.comparingLong(CellResult::medianNs);
    return run.measurements().stream()
        .filter(x -> x.workload().equals(w) && x.size() == size && x.threads() == threads && x.usable() && matches(pattern, x))
        .min(best);
  }

  static boolean matches(String pattern, CellResult x) {
    if (pattern.endsWith("/*")) return x.language().equals(pattern.substring(0, pattern.length() - 2));
    return x.implementation().equals(pattern);
  }

  /** Why no usable cell of {@code pattern} exists in workload w (at size and threads when given). */
  private String why(String w, String pattern, Long size, Integer threads, String unused) {
    List<CellResult> of = cellsOf(w, pattern);
    if (of.isEmpty()) {
      Map<String, String> catalogue = RunInfo.kinds(run);
      boolean known = catalogue.keySet().stream().anyMatch(id -> pattern.endsWith("/*") ? id.startsWith(pattern.substring(0, pattern.length() - 1)) : id.equals(pattern));
      if (!catalogue.isEmpty() && !known) {
        return pattern + " is not implemented yet (no runner lists it in this run's catalogue)";
      }
      return pattern + " was not measured in this run (./bench run --implementations " + pattern.replace("/*", "/...") + ")";
    }
    List<CellResult> at = of.stream().filter(x -> (size == null || x.size() == size) && (threads == null || x.threads() == threads)).toList();
    if (at.isEmpty()) {
      return pattern + " has no cell at n=" + Numbers.size(size == null ? 0 : size) + " (sizes measured: "
          + String.join(", ", new TreeSet<>(of.stream().map(CellResult::size).toList()).stream().map(Numbers::size).toList()) + ")";
    }
    return pattern + " at n=" + Numbers.size(at.get(0).size()) + " is " + statuses(at);
  }

  private static String statuses(List<CellResult> cells) {
    List<String> parts = new ArrayList<>();
    for (CellResult x : cells) {
      if (x.usable()) continue;
      String err = x.error() == null || x.error().isBlank() ? "" : ": " + x.error().lines().findFirst().orElse("").strip();
      if (err.length() > 140) err = err.substring(0, 137) + "...";
      parts.add(Cells.statusWord(x) + (x.threads() > 1 ? " at T=" + x.threads() : "") + err);
    }
    return parts.isEmpty() ? "usable" : String.join("; ", parts.stream().distinct().toList());
  }

  private static Predicate<CellResult> gilFilter(String gil) {
    if (gil == null) return x -> true;
    return x -> {
      Object v = x.runtime() == null ? null : x.runtime().get("gil_enabled");
      boolean off = Boolean.FALSE.equals(v) || "false".equals(String.valueOf(v));
      return gil.equals("off") == off;
    };
  }

  /** As the memory table computes it (per the workload's elements: binary-trees' nodes, not its depth). */
  private static Double bytesPerElement(CellResult x, String field) {
    return org.polybench.harness.view.MemoryFigures.bytesPerElement(x, field);
  }

  /** p99 / p50 of the measured samples (stats.latency: nearest rank, pooled over the processes). */
  private static double tailSpread(CellResult x) {
    LatencyPercentiles p = x.latency();
    return p.p50Ns() == 0 ? Double.NaN : (double) p.p99Ns() / p.p50Ns();
  }

  private static boolean tooFewForP99(CellResult x) {
    return x.latency() == null || x.latency().p99Ns() == null;
  }

}
