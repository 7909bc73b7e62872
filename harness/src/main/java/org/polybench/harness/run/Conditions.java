package org.polybench.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What could disturb a process's timings, read from Linux's /proc and /sys: the load average and
 * the runnable processes just before it starts (each invocation's {@code conditions}), the CPU
 * frequency governors (environment.cpu_governor). Outside Linux, or where a file is missing, the
 * fields say "absent" or are left out: the timings stay valid, only the warnings cannot be given.
 */
public final class Conditions {
  private Conditions() {}

  /** The invocation's {@code conditions} before it starts: load1/5/15 and procs_running, from {@code proc}. */
  static Map<String, Object> before(Path proc) {
    Map<String, Object> c = new LinkedHashMap<>();
    try {
      String[] load = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
      c.put("load1", Double.parseDouble(load[0]));
      c.put("load5", Double.parseDouble(load[1]));
      c.put("load15", Double.parseDouble(load[2]));
    } catch (IOException | RuntimeException e) {
      c.put("load1", null);
    }
    try {
      for (String line : Files.readAllLines(proc.resolve("stat"))) {
        // counts the harness's own thread reading it: an idle machine says 1
        if (line.startsWith("procs_running ")) c.put("procs_running", Integer.parseInt(line.substring(14).trim()));
      }
    } catch (IOException | RuntimeException e) {
      // left out: no /proc/stat here
    }
    c.putIfAbsent("procs_running", null);
    c.put("logical_cpus", Runtime.getRuntime().availableProcessors());
    return c;
  }

  public static Map<String, Object> before() {
    return before(Path.of("/proc"));
  }

  /**
   * The CPU time the harness's own JVM has used so far, all its threads (the JIT's compiler threads
   * and the collector included), in ns; -1 where the JVM cannot say.
   */
  static long harnessCpuNs() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** What is read just before a spawn: {@link #before}'s conditions and the harness's {@link #harnessCpuNs}. */
  record Start(Map<String, Object> conditions, long harnessCpuNs) {}

  static Start start() {
    return new Start(before(), harnessCpuNs());
  }

  /**
   * The start's conditions plus the CPUs the process was seen running on (ProcessOutcome.cpus),
   * null when never seen, and {@code harness_cpu_ms}: the CPU the harness itself used while the
   * process ran, which a runner's threads had to share the cores with.
   */
  static Map<String, Object> after(Start start, List<Integer> cpus) {
    Map<String, Object> c = new LinkedHashMap<>(start.conditions());
    long now = harnessCpuNs();
    c.put("harness_cpu_ms", start.harnessCpuNs() < 0 || now < 0 ? null : Math.round((now - start.harnessCpuNs()) / 1e5) / 10.0);
    c.put("cpus_seen", cpus == null || cpus.isEmpty() ? null : List.copyOf(new java.util.LinkedHashSet<>(cpus)));
    c.put("last_cpu", cpus == null || cpus.isEmpty() ? null : cpus.get(cpus.size() - 1));
    return c;
  }

  /**
   * The scaling governor per CPU (cpu0: "performance"), grouped: {"performance": [0, 1]}; the
   * string "absent" where cpufreq is not exposed (many VMs and containers).
   */
  static Object governors(Path sysCpu) {
    Map<String, List<Integer>> by = new TreeMap<>();
    try (var dirs = Files.list(sysCpu)) {
      for (Path d : dirs.toList()) {
        String name = d.getFileName().toString();
        if (!name.matches("cpu\\d+")) continue;
        Path g = d.resolve("cpufreq/scaling_governor");
        if (!Files.isReadable(g)) continue;
        by.computeIfAbsent(Files.readString(g).trim(), k -> new java.util.ArrayList<>()).add(Integer.parseInt(name.substring(3)));
      }
    } catch (IOException | RuntimeException e) {
      return "absent";
    }
    by.values().forEach(java.util.Collections::sort);
    return by.isEmpty() ? "absent" : by;
  }

  public static Object governors() {
    return governors(Path.of("/sys/devices/system/cpu"));
  }

  /** The CPUs the harness (and so every runner it starts, unless a runner sets its own) may run on: /proc/self/status Cpus_allowed_list. */
  public static String affinity() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) return line.substring(18).trim();
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return "absent";
  }
}
