package org.polybench.harness.view;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polybench.harness.store.RunRecord;

/**
 * Reads the descriptive parts of a run (environment, settings, times) for humans. Every key of the
 * environment may be missing: each method says "unknown" or leaves the part out rather than fail.
 */
public final class RunInfo {
  private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private RunInfo() {}

  /** The value at a path of nested map keys, or null when any step is missing or not a map. */
  public static Object get(Map<String, ?> root, String... path) {
    Object cur = root;
    for (String key : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(key);
    }
    return cur;
  }

  /** The value at a path as a non-blank string, or null. */
  public static String str(Map<String, ?> root, String... path) {
    Object v = get(root, path);
    if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /** The value at a path as a number, or null (accepts numeric strings). */
  public static Double num(Map<String, ?> root, String... path) {
    Object v = get(root, path);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** "AMD EPYC 7B13, 16 logical cores, 62.8 GiB": the parts that are known, or "unknown machine". */
  public static String machine(RunRecord run) {
    Map<String, Object> env = env(run);
    List<String> parts = new ArrayList<>();
    String cpu = str(env, "machine", "cpu_model");
    parts.add(cpu != null ? cpu : "unknown CPU");
    Double cores = num(env, "machine", "logical_cores");
    if (cores != null) {
      parts.add(String.format(java.util.Locale.ROOT, "%d logical cores", cores.longValue()));
    }
    Double mem = num(env, "machine", "memory_bytes");
    if (mem != null) {
      parts.add(Numbers.gib(mem) + " memory");
    }
    return String.join(", ", parts);
  }

  /** "Linux 6.8.0-45-generic, x86_64", or null when nothing is known. */
  public static String system(RunRecord run) {
    Map<String, Object> env = env(run);
    List<String> parts = new ArrayList<>();
    String os = str(env, "machine", "os");
    String kernel = str(env, "machine", "kernel");
    if (os != null && kernel != null && !os.contains(kernel)) {
      parts.add(os + " " + kernel);
    } else if (os != null) {
      parts.add(os);
    } else if (kernel != null) {
      parts.add(kernel);
    }
    String arch = str(env, "machine", "arch");
    if (arch != null) {
      parts.add(arch);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** "name version (other fields)" for each entry of a map of tools or libraries, in map order. */
  public static List<String> versions(RunRecord run, String section) {
    Object v = get(env(run), section);
    List<String> out = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String described = describe(e.getValue());
        if (described != null) {
          // "rustc rustc 1.83.0" reads badly: tools often print their own name
          String name = String.valueOf(e.getKey());
          out.add(described.startsWith(name + " ") ? described : name + " " + described);
        }
      }
    }
    return out;
  }

  /**
   * One line of a run's provenance: a label, then {@code code} (text a reader copies: a commit, a
   * command line; may be null) and {@code text} (may be null when unknown: summary.md leaves the
   * line out, report.html says "unknown").
   */
  public record Fact(String label, String code, String text) {}

  /** What ran, where and when, in the order summary.md and report.html list it (settings apart). */
  public static List<Fact> provenance(RunRecord run) {
    List<Fact> f = new ArrayList<>();
    String started = time(run.startedAt());
    f.add(new Fact("Started", null, started != null ? started : "unknown"));
    f.add(new Fact("Finished", null, run.finishedAt() == null ? "not finished (interrupted, or still running)" : time(run.finishedAt())));
    f.add(new Fact("Machine", null, machine(run)));
    f.add(new Fact("System", null, system(run)));
    for (String[] section : new String[][] {{"Toolchains", "toolchains"}, {"Libraries", "libraries"}, {"Build", "build"}}) {
      List<String> v = versions(run, section[1]);
      if (v.isEmpty() && section[1].equals("build")) continue;
      f.add(new Fact(section[0], null, v.isEmpty() ? "not recorded" : String.join(", ", v)));
    }
    String commit = gitCommit(run);
    f.add(commit == null
        ? new Fact("Git commit", null, "not recorded")
        : new Fact("Git commit", commit, gitDirty(run) ? " (dirty: uncommitted changes)" : null));
    f.add(new Fact("Harness version", null, harnessVersion(run)));
    if (run.commandLine() != null && !run.commandLine().isEmpty()) f.add(new Fact("Command", Shell.join(run.commandLine()), null));
    return f;
  }

  /** The git commit the harness ran from, or null. */
  public static String gitCommit(RunRecord run) {
    return str(env(run), "git", "commit");
  }

  /** True when the working tree had uncommitted changes. */
  public static boolean gitDirty(RunRecord run) {
    Object dirty = get(env(run), "git", "dirty");
    return Boolean.TRUE.equals(dirty) || "true".equalsIgnoreCase(String.valueOf(dirty));
  }

  public static String harnessVersion(RunRecord run) {
    return str(env(run), "harness_version");
  }

  /** A timestamp of the run for humans: "2025-11-23 20:29 UTC"; the raw text if unparseable. */
  public static String time(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return UTC_MINUTES.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return UTC_MINUTES.format(Instant.parse(iso).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LOCAL_MINUTES.format(LocalDateTime.parse(iso));
    } catch (DateTimeParseException ignored) {
      return iso;
    }
  }

  /** The line every chart carries so a chart cut out of the report still says where it came from. */
  public static String footer(RunRecord run) {
    String when = time(run.startedAt());
    return machine(run) + " · " + (when != null ? when : "unknown date") + " · run " + run.runId();
  }

  /** A settings value for humans: lists comma-separated, maps as "k: v". */
  public static String describeValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> e.getKey() + ": " + describeValue(e.getValue()))
          .collect(Collectors.joining("; "));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(RunInfo::describeValue).collect(Collectors.joining(", "));
    }
    return String.valueOf(v);
  }

  private static String describe(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      Object version = m.get("version");
      List<String> rest = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!"version".equals(e.getKey()) && e.getValue() != null) {
          rest.add(describeValue(e.getValue()));
        }
      }
      if (version == null) {
        return rest.isEmpty() ? null : String.join(", ", rest);
      }
      return rest.isEmpty() ? version.toString() : version + " (" + String.join(", ", rest) + ")";
    }
    String s = describeValue(v).strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * Implementation id to kind label, in the order of the catalogue the run was planned from
   * (environment.catalogue, written by the orchestrator from the runners' --list answers); empty
   * for a run that recorded none.
   */
  public static Map<String, String> kinds(RunRecord run) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (get(env(run), "catalogue") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("id") != null) {
          out.put(String.valueOf(m.get("id")), m.get("kind") == null ? "" : String.valueOf(m.get("kind")));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(RunRecord run) {
    return run.environment() == null ? Map.of() : (Map<String, Object>) (Map<String, ?>) run.environment();
  }
}
