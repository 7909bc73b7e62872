package org.polybench.harness.run;

import org.polybench.harness.stats.CellStats;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.lang.Availability;
import org.polybench.harness.lang.Language;
import org.polybench.harness.lang.Catalogue;
import org.polybench.harness.lang.Languages;
import org.polybench.harness.plan.Calibration;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Implementation;
import org.polybench.harness.plan.Implementations;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.store.Status;
import org.polybench.harness.verify.Reference;

/**
 * Runs a plan: builds the languages it needs, measures every cell in its own process, verifies
 * each answer, and saves results.json after every cell.
 */
public final class Orchestrator {
  private final Project project;
  private final PrintStream out;
  private final Map<String, Language> overrides = new LinkedHashMap<>();

  /** What the runners listed, once {@link #catalogue} has asked them; recorded with the run. */
  private Implementations listed;

  public Orchestrator(Project project, PrintStream out) {
    this(project, out, List.of());
  }

  /**
   * {@code overrides} replace the registered language of the same name (e.g. --python's interpreter);
   * one of a name not registered is an extra runner (--free-threaded's "python-ft").
   */
  public Orchestrator(Project project, PrintStream out, List<Language> overrides) {
    this.project = project;
    this.out = out;
    overrides.forEach(l -> this.overrides.put(l.name(), l));
  }

  private Language language(String name) {
    Language l = overrides.get(name);
    return l != null ? l : Languages.find(name).orElseThrow();
  }

  /** The registered runners, then the extra ones. */
  private List<String> names() {
    List<String> names = new java.util.ArrayList<>(Languages.names());
    overrides.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names;
  }

  /**
   * Builds (when asked) and checks every runner, so each can be asked for its catalogue. Says
   * nothing about the ones that cannot start: {@link #warnUnavailable} does, for those a plan uses.
   */
  public Map<String, Availability> prepare(boolean build) {
    Map<String, Availability> avail = new LinkedHashMap<>();
    BuildLog log = new BuildLog(out);
    for (String name : names()) {
      Language lang = language(name);
      avail.put(name, build ? lang.build(project, log) : lang.check(project));
    }
    return avail;
  }

  /** The implementations the runners list (docs/runner-protocol.md, --list). */
  public Implementations catalogue(Map<String, Availability> availability) {
    Map<String, Language> runners = new LinkedHashMap<>();
    for (String name : names()) runners.put(name, language(name));
    listed = Catalogue.load(project, runners, availability, out);
    return listed;
  }

  /** One warning line for each runner the plan needs that cannot start, with the fix. */
  public void warnUnavailable(Plan plan, Map<String, Availability> availability) {
    for (String name : plan.languages()) {
      Availability a = availability.get(name);
      if (a != null && !a.available()) out.println("warning: " + name + " is unavailable: " + a.reason());
    }
  }

  /** {@link #run(Plan, Map, RunRecord, ResultsStore, Order)} cell after cell (tests, callers without --order). */
  public RunRecord run(Plan plan, Map<String, Availability> availability, RunRecord started, ResultsStore store) {
    return run(plan, availability, started, store, Order.sequential());
  }

  /**
   * Measures the plan's cells, starting their processes in {@code order}. A cell is saved to
   * results.json as soon as its last process has finished (or one failed: its later processes are
   * not started), so an interrupted run keeps every finished cell and --resume measures the others
   * again, whole. The session's order is recorded in its environment.sessions entry, and each
   * invocation's place in it as {@code position}.
   */
  public RunRecord run(Plan plan, Map<String, Availability> availability, RunRecord started, ResultsStore store, Order order) {
    List<Language> langs = plan.languages().stream().map(this::language).toList();
    // a resumed run (cli.Resume) brings its measurements and environment; a new one brings none
    Map<String, Object> env = withBuilds(withCatalogue(EnvironmentProbe.capture(project, langs)), langs);
    env.putAll(started.environment());
    env.put("cpu_governor", Conditions.governors());
    env.put("cpu_affinity", Conditions.affinity());
    List<Cell> cells = plan.cells();
    int n = Math.max(1, plan.settings().invocations());
    List<Order.Slot> schedule = order.schedule(cells.size(), n);
    env.put("sessions", withOrder(env.get("sessions"), order, schedule, cells));
    RunRecord run =
        new RunRecord(
            started.schemaVersion(), started.runId(), started.startedAt(), null, started.commandLine(), started.settings(),
            env, started.measurements());
    store.save(run);
    Baselines baselines = new Baselines(project);
    Map<String, Prepared> prepared = new HashMap<>();
    Map<Integer, Pending> pending = new HashMap<>();
    java.util.Set<Integer> finished = new java.util.HashSet<>();
    int total = schedule.size();
    int pos = 0;
    for (Order.Slot slot : schedule) {
      pos++;
      if (finished.contains(slot.cell())) continue; // an earlier process of it failed, or it could not start
      Cell cell = cells.get(slot.cell());
      out.printf("[%" + digits(total) + "d/%d] %-46s ", pos, total, cell.label() + (n == 1 ? "" : " #" + slot.invocation()));
      out.flush();
      Language lang = language(cell.implementation().runner());
      Availability a = availability.get(lang.name());
      CellResult m = null;
      if (!a.available()) {
        m = CellMeasurer.unmeasured(cell, Status.UNAVAILABLE, a.reason(), List.of());
      } else if (a.variantReason(cell.implementation().variant()) != null) {
        // e.g. a failed extension build: never start the runner on what an earlier build left behind
        m = CellMeasurer.unmeasured(cell, Status.UNAVAILABLE, a.variantReason(cell.implementation().variant()), List.of());
      } else {
        String key = cell.workload().name() + "/" + cell.size() + "/" + plan.settings().seed();
        Prepared p = prepared.computeIfAbsent(key, k -> prepareBounded(cell, plan.settings()));
        if (p.error() != null) {
          m = CellMeasurer.unmeasured(cell, Status.FAILED, p.error(), List.of());
        } else {
          Pending state = pending.computeIfAbsent(slot.cell(), c -> new Pending(CellMeasurer.argsFor(cell, plan.settings(), p.input(), lang.jit())));
          List<String> command = lang.command(project, state.args(), slot.invocation());
          CellMeasurer.Attempt at;
          try (AutoCloseable ticking = Progress.ticker(out, 1)) {
            at = CellMeasurer.invoke(state.args(), plan.settings(), cell.implementation().language(), command,
                lang.workingDir(project), slot.invocation(), n).at(pos);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          // Ctrl-C killed the runner: that process is not a result, and --resume measures its cell again
          if (org.polybench.harness.protocol.ProcessExecutor.shuttingDown()) break;
          if (at.failure() != null) {
            m = CellMeasurer.failed(cell, command, state.done(), at, p.reference());
          } else {
            state.done().add(at);
            // the cell's command is its first process's (the later ones may add a flag, Language#command)
            if (state.done().size() == n) m = CellMeasurer.finish(cell, lang.command(project, state.args(), 1), state.done(), p.reference());
          }
          if (m != null) {
            try {
              m = baselines.apply(m, cell, plan.settings(), lang, p.input());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          } else {
            out.println(processResult(at));
            continue;
          }
        }
      }
      if (org.polybench.harness.protocol.ProcessExecutor.shuttingDown()) break;
      finished.add(slot.cell());
      pending.remove(slot.cell());
      run = run.withMeasurement(m);
      store.save(run);
      out.println(progressResult(m));
    }
    run = run.finished(Instant.now().toString());
    Map<String, Object> done = new LinkedHashMap<>(run.environment());
    done.put("conditions", org.polybench.harness.view.MachineLoad.of(run).summary());
    run = new RunRecord(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(), run.commandLine(), run.settings(),
        done, run.measurements());
    store.save(run);
    return run;
  }

  /** The processes of a cell done so far, while its others wait for their turn. */
  private record Pending(org.polybench.harness.protocol.RunnerArgs args, List<CellMeasurer.Attempt> done) {
    Pending(org.polybench.harness.protocol.RunnerArgs args) {
      this(args, new java.util.ArrayList<>());
    }
  }

  /**
   * environment.sessions with this session's (the last entry's) order: settings.order's kind and
   * seed, and the processes as they will start ("workload implementation size threads #k").
   */
  private static List<Object> withOrder(Object sessions, Order order, List<Order.Slot> schedule, List<Cell> cells) {
    List<Object> list = new java.util.ArrayList<>(sessions instanceof List<?> l ? l : List.of());
    if (list.isEmpty()) return list;
    Object last = list.get(list.size() - 1);
    if (!(last instanceof Map<?, ?> m)) return list;
    Map<String, Object> s = new LinkedHashMap<>();
    m.forEach((k, v) -> s.put(String.valueOf(k), v));
    s.put("order", order.kind().json());
    if (order.kind() == Order.Kind.RANDOM) s.put("order_seed", new java.math.BigInteger(Long.toUnsignedString(order.seed())));
    s.put("processes", schedule.stream().map(sl -> {
      Cell c = cells.get(sl.cell());
      return c.workload().name() + " " + c.implementation().id() + " " + c.size() + " " + c.threads() + " #" + sl.invocation();
    }).toList());
    list.set(list.size() - 1, s);
    return list;
  }

  /** One process's line while its cell waits for others: its median, or nothing more to say. */
  private static String processResult(CellMeasurer.Attempt at) {
    List<Long> s = at.invocation().samplesNs();
    if (s.isEmpty()) return "done";
    long[] sorted = s.stream().mapToLong(Long::longValue).sorted().toArray();
    return "process median " + org.polybench.harness.view.Durations.format(sorted[sorted.length / 2]);
  }

  /**
   * The calibration calls of a run ({@link Calibration}): one runner process at one thread with
   * {@link Calibration#WARMUP} warm-up and {@link Calibration#ITERATIONS} measured calls, timed by
   * the fastest of them, verified
   * against the reference like every cell (a wrong answer is not a timing to scale from).
   */
  public Calibration.Timer calibrationTimer(Map<String, Availability> availability, org.polybench.harness.plan.Settings settings) {
    var one = new org.polybench.harness.plan.Settings(
        settings.seed(), Calibration.WARMUP, Calibration.ITERATIONS, settings.quick(), settings.timeout(), 0, 1);
    return (workload, impl, size) -> {
      Language lang = language(impl.runner());
      Availability a = availability.get(lang.name());
      if (a == null || !a.available()) return Calibration.Timing.failed(lang.name() + " is unavailable" + (a == null ? "" : ": " + a.reason()));
      if (a.variantReason(impl.variant()) != null) return Calibration.Timing.failed(a.variantReason(impl.variant()));
      Cell cell = new Cell(workload, impl, size, 1);
      Prepared p = prepareBounded(cell, settings);
      if (p.error() != null) return Calibration.Timing.failed(p.error());
      var args = new org.polybench.harness.protocol.RunnerArgs(
          workload.name(), impl.variant(), size, 1, Calibration.WARMUP, Calibration.ITERATIONS, settings.seed(), p.input());
      CellResult r = CellMeasurer.measure(
          cell, args, one, impl.language(), lang.command(project, args), lang.workingDir(project), p.reference());
      // the fastest call: the one least disturbed by whatever else the machine runs, so the size
      // scaled from it is, if anything, larger than needed rather than short of the target
      return r.status() == Status.OK
          ? Calibration.Timing.ok(r.samplesNs().stream().mapToLong(Long::longValue).min().orElse(r.medianNs()))
          : Calibration.Timing.failed(r.status().json() + ": " + r.error());
    };
  }

  /** A workload's input file and reference answer for one size and seed, made once per run. */
  private record Prepared(java.nio.file.Path input, Reference reference, String error) {}

  /** {@link #prepare} under the run's timeout, with progress notes: a huge size must not spin silently for hours. */
  private Prepared prepareBounded(Cell cell, org.polybench.harness.plan.Settings settings) {
    try {
      return Progress.bounded("reference", () -> prepare(cell, settings.seed()), settings.timeout(), out);
    } catch (java.util.concurrent.TimeoutException e) {
      return new Prepared(null, null, "the harness's reference answer for " + cell.workload().name() + " at this size " + e.getMessage()
          + ": give a smaller --sizes or a longer --timeout");
    } catch (Exception e) {
      return new Prepared(null, null, "could not prepare the input or reference of " + cell.workload().name() + ": " + e.getMessage());
    }
  }

  private Prepared prepare(Cell cell, long seed) {
    try {
      java.nio.file.Path input = cell.workload().input(cell.size(), seed, project.dataDir());
      return new Prepared(input, cell.workload().reference(cell.size(), seed, input), null);
    } catch (java.io.IOException | RuntimeException e) {
      return new Prepared(null, null, "could not prepare the input or reference of " + cell.workload().name() + ": " + e.getMessage());
    }
  }

  private static String progressResult(CellResult m) {
    if (m.status() == Status.OK) {
      double spread = m.stats().relativeSpread() * 100;
      int procs = Math.max(1, m.invocations().size());
      String care =
          m.invocationSpread() > CellStats.SPREAD_WARNING ? "  processes differ by " + Math.round(m.invocationSpread() * 100) + "%"
              : m.stillSpeedingUp() ? String.format("  still speeding up (drift %.2f)", m.drift())
              : m.slowingDown() ? String.format("  slowing down (drift %.2f)", m.drift())
              : "";
      return String.format("ok       median %-10s ±%.1f%%  verified  (%d proc x %d warm-up + %d)%s",
          org.polybench.harness.view.Durations.format(m.medianNs()), spread, procs,
          m.warmupNs().size() / procs, m.samplesNs().size() / procs, care);
    }
    return String.format("%-8s %s", m.status().json(), m.error());
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }

  /** The environment plus {@code builds}: per runner, the hash of what was measured (Language.buildId). */
  private Map<String, Object> withBuilds(Map<String, Object> environment, List<Language> langs) {
    Map<String, Object> env = new LinkedHashMap<>(environment);
    Map<String, Object> builds = new LinkedHashMap<>();
    for (Language l : langs) builds.put(l.name(), l.buildId(project));
    env.put("builds", builds);
    return env;
  }

  /** What environment.builds will record for this plan's runners. */
  public Map<String, Object> builds(Plan plan) {
    Map<String, Object> builds = new LinkedHashMap<>();
    for (String name : plan.languages()) builds.put(name, language(name).buildId(project));
    return builds;
  }

  /**
   * The environment plus {@code catalogue}: what the runners listed (kind, description per
   * workload, runner) in their order, so the results say which code ran without the runners at
   * hand, and charts give each implementation the same look in every run.
   */
  private Map<String, Object> withCatalogue(Map<String, Object> environment) {
    Map<String, Object> env = new LinkedHashMap<>(environment);
    List<Map<String, Object>> catalogue = new java.util.ArrayList<>();
    java.util.Objects.requireNonNull(listed, "catalogue() is asked before run(): the plan comes from it");
    for (Implementation impl : listed.all()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", impl.id());
      e.put("kind", impl.kind().label());
      e.put("runner", impl.runner());
      e.put("opt_in", impl.optIn());
      e.put("descriptions", impl.descriptions());
      catalogue.add(e);
    }
    env.put("catalogue", catalogue);
    return env;
  }
}
