package org.polybench.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.polybench.harness.UserError;
import org.polybench.harness.stats.Bootstrap;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Cells;
import org.polybench.harness.view.RunInfo;

/**
 * Compares two runs cell by cell, as benchstat and asv do. For each cell measured and verified in
 * both: the ratio NEW/BASE of the medians with a 95% hierarchical bootstrap interval
 * ({@link Bootstrap#ratioOfMedians}, resampling processes, then samples), a two-sided
 * Mann-Whitney U test of the pooled samples (commons-math3, normal approximation), the p-values
 * corrected for the number of cells compared (Holm by default), and a verdict that needs a
 * corrected p below alpha, a ratio beyond the threshold, and an interval that excludes 1. A cell unverified, failed or
 * unavailable in either run is listed, never compared.
 *
 * <p>Refused (exit 2): runs that share no cell, runs with different seeds (different inputs),
 * runs from different machines unless allowed.
 */
public final class Comparer {
  /** Fewer samples than this on a side make a rank test meaningless. */
  public static final int MIN_SAMPLES = 3;

  /** The machine fields that must agree for two runs to be "the same machine". */
  static final List<String> MACHINE_FIELDS = List.of("cpu_model", "logical_cores", "memory_bytes", "arch", "os");

  private Comparer() {}

  public static Comparison compare(RunRecord base, String baseSource, RunRecord next, String nextSource, Comparison.Options options) {
    checkSeed(base, next);
    List<String> notes = new ArrayList<>();
    checkMachine(base, next, options.allowDifferentMachines(), notes);
    Map<CellKey, CellResult> b = cells(base, baseSource);
    Map<CellKey, CellResult> n = cells(next, nextSource);
    List<CellKey> shared = b.keySet().stream().filter(n::containsKey).sorted().toList();
    if (shared.isEmpty()) {
      throw new UserError("the two runs share no cell (workload, implementation, size and threads all equal): " + baseSource
          + " has " + b.size() + ", " + nextSource + " has " + n.size()
          + "; compare runs made with the same --workloads, --implementations and --sizes");
    }
    notes.addAll(settingDifferences(base, next));

    List<NotCompared> notCompared = new ArrayList<>();
    List<CellKey> tested = new ArrayList<>();
    for (CellKey k : shared) {
      String why = whyNot(b.get(k), n.get(k));
      if (why != null) notCompared.add(new NotCompared(k, why));
      else tested.add(k);
    }

    double[] p = new double[tested.size()];
    MannWhitneyUTest mwu = new MannWhitneyUTest();
    for (int i = 0; i < p.length; i++) {
      p[i] = mwu.mannWhitneyUTest(doubles(b.get(tested.get(i))), doubles(n.get(tested.get(i))));
    }
    double[] adjusted = options.correction().adjust(p);
    List<CellChange> changes = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      CellResult mb = b.get(tested.get(i));
      CellResult mn = n.get(tested.get(i));
      Bootstrap.Interval r = Bootstrap.ratioOfMedians(mn.samplesByInvocation(), mb.samplesByInvocation());
      Verdict v = Verdict.NO_CHANGE;
      // the rank test pools the samples as if independent; the interval, resampling processes
      // first, must agree that there is a change, or a difference between processes passes for one
      if (adjusted[i] < options.alpha()) {
        if (r.estimate() >= options.slowerAt() && r.above(1)) v = Verdict.SLOWER;
        else if (r.estimate() <= options.fasterAt() && r.below(1)) v = Verdict.FASTER;
      }
      changes.add(new CellChange(tested.get(i), median(mb), median(mn), mb.samplesNs().size(), mn.samplesNs().size(),
          r.estimate(), r.low(), r.high(), r.level(), p[i], adjusted[i], v));
    }
    List<CellKey> onlyBase = b.keySet().stream().filter(k -> !n.containsKey(k)).sorted().toList();
    List<CellKey> onlyNew = n.keySet().stream().filter(k -> !b.containsKey(k)).sorted().toList();
    return new Comparison(Comparison.Metric.TIME, side(base, baseSource), side(next, nextSource), options, changes, notCompared, onlyBase, onlyNew, notes);
  }

  private static Map<CellKey, CellResult> cells(RunRecord run, String source) {
    Map<CellKey, CellResult> out = new TreeMap<>();
    for (CellResult m : run.measurements()) {
      if (out.put(CellKey.of(m), m) != null) {
        throw new UserError(source + " holds cell " + CellKey.of(m) + " twice (a merged run of several machines?): "
            + "compare two runs of one machine each");
      }
    }
    return out;
  }

  /** Why a shared cell cannot be compared, or null when it can. */
  private static String whyNot(CellResult base, CellResult next) {
    List<String> why = new ArrayList<>();
    if (!base.usable()) why.add(Cells.statusWord(base) + " in base" + detail(base));
    if (!next.usable()) why.add(Cells.statusWord(next) + " in new" + detail(next));
    if (!why.isEmpty()) return String.join("; ", why);
    if (base.samplesNs().size() < MIN_SAMPLES || next.samplesNs().size() < MIN_SAMPLES) {
      return "too few samples (" + base.samplesNs().size() + " and " + next.samplesNs().size() + "; at least " + MIN_SAMPLES + " each)";
    }
    return null;
  }

  private static String detail(CellResult m) {
    if (m.error() == null || m.error().isBlank()) return "";
    String first = m.error().strip().lines().findFirst().orElse("");
    return " (" + (first.length() > 100 ? first.substring(0, 97) + "..." : first) + ")";
  }

  static void checkSeed(RunRecord base, RunRecord next) {
    String sb = RunInfo.str(settings(base), "seed");
    String sn = RunInfo.str(settings(next), "seed");
    if (sb != null && sn != null && !sb.equals(sn)) {
      throw new UserError("the runs used different seeds (base " + sb + ", new " + sn + "), so their inputs differ: "
          + "run both with the same --seed");
    }
  }

  static void checkMachine(RunRecord base, RunRecord next, boolean allowed, List<String> notes) {
    List<String> diffs = new ArrayList<>();
    for (String f : MACHINE_FIELDS) {
      Object vb = RunInfo.get(env(base), "machine", f);
      Object vn = RunInfo.get(env(next), "machine", f);
      if (vb != null && vn != null && !String.valueOf(vb).equals(String.valueOf(vn))) diffs.add(f + " " + vb + " vs " + vn);
    }
    if (diffs.isEmpty()) return;
    String what = "the runs were measured on different machines (" + String.join("; ", diffs) + ")";
    if (!allowed) {
      throw new UserError(what + ": timings of two machines do not show a change of code. Compare runs of one machine, "
          + "or pass --allow-different-machines to compare anyway");
    }
    notes.add(what + "; compared anyway (--allow-different-machines)");
  }

  /** Settings and toolchain versions that differ: not errors, but a reader should know. */
  private static List<String> settingDifferences(RunRecord base, RunRecord next) {
    List<String> out = new ArrayList<>();
    for (String key : List.of("warmup", "iterations", "invocations", "python")) {
      Object vb = settings(base).get(key);
      Object vn = settings(next).get(key);
      if (!Objects.equals(String.valueOf(vb), String.valueOf(vn))) out.add("setting " + key + ": " + vb + " in base, " + vn + " in new");
    }
    Object tb = RunInfo.get(env(base), "toolchains");
    Object tn = RunInfo.get(env(next), "toolchains");
    if (tb instanceof Map<?, ?> mb && tn instanceof Map<?, ?> mn) {
      for (Object k : mb.keySet()) {
        if (mn.containsKey(k) && !Objects.equals(String.valueOf(mb.get(k)), String.valueOf(mn.get(k)))) {
          out.add("toolchain " + k + ": " + mb.get(k) + " in base, " + mn.get(k) + " in new");
        }
      }
    }
    return out;
  }

  static Comparison.Side side(RunRecord run, String source) {
    return new Comparison.Side(source, run.runId(), run.startedAt(), RunInfo.gitCommit(run), RunInfo.gitDirty(run), RunInfo.machine(run));
  }

  private static double[] doubles(CellResult m) {
    return m.samplesNs().stream().mapToDouble(Long::doubleValue).toArray();
  }

  private static double median(CellResult m) {
    double[] s = doubles(m);
    java.util.Arrays.sort(s);
    int k = s.length;
    return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
  }

  private static Map<String, Object> settings(RunRecord r) {
    return r.settings() == null ? Map.of() : r.settings();
  }

  private static Map<String, Object> env(RunRecord r) {
    return r.environment() == null ? Map.of() : r.environment();
  }
}
