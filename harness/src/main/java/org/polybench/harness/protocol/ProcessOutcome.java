package org.polybench.harness.protocol;

/** What a runner process did: exit code (null when killed on timeout), output, wall time. */
public record ProcessOutcome(Integer exitCode, String stdout, String stderr, long wallNs, boolean timedOut) {

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
}
