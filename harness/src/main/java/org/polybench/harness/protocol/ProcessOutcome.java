package org.polybench.harness.protocol;

/**
 * What a runner process did: exit code (null when killed on timeout), output, wall time, and the
 * CPUs it was seen running on while the harness waited (field 39 of /proc/PID/stat, read every
 * {@link ProcessExecutor#CPU_POLL}; the last one is read near its end; empty when never seen).
 */
public record ProcessOutcome(Integer exitCode, String stdout, String stderr, long wallNs, boolean timedOut, java.util.List<Integer> cpus) {
  public ProcessOutcome {
    cpus = cpus == null ? java.util.List.of() : java.util.List.copyOf(cpus);
  }

  public ProcessOutcome(Integer exitCode, String stdout, String stderr, long wallNs, boolean timedOut) {
    this(exitCode, stdout, stderr, wallNs, timedOut, java.util.List.of());
  }

  /** The last lines of stderr, for error messages: enough to see the cause, not a wall of text. */
  public String stderrTail() {
    String[] lines = stderr.strip().split("\n");
    int from = Math.max(0, lines.length - 6);
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("WARNING: Using incubator modules")) continue;
      if (sb.length() > 0) sb.append(" | ");
      sb.append(line);
    }
    return sb.length() > 800 ? sb.substring(sb.length() - 800) : sb.toString();
  }

  /**
   * What an exit code says beyond its number, for the cell's error: 128+N is death by signal N
   * (137: SIGKILL, on Linux usually the out-of-memory killer). Empty for ordinary exit codes.
   * CellMeasurer's "runner failed with exit code N" message should append this.
   */
  public static String exitMeaning(Integer exitCode) {
    if (exitCode == null || exitCode <= 128 || exitCode > 128 + 64) return "";
    return switch (exitCode - 128) {
      case 9 -> "killed by SIGKILL (out of memory? see dmesg, or give a smaller --sizes)";
      case 15 -> "killed by SIGTERM";
      case 11 -> "crashed with SIGSEGV";
      case 6 -> "aborted (SIGABRT)";
      case 2 -> "interrupted by SIGINT";
      default -> "killed by signal " + (exitCode - 128);
    };
  }

  /** {@link #exitMeaning} of this outcome's exit code. */
  public String exitMeaning() {
    return exitMeaning(exitCode);
  }
}
