package org.polybench.harness.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one runner process, collects stdout and stderr concurrently (a full pipe would block the
 * child), and kills the whole process tree when it outlives its timeout.
 *
 * <p>The runner's stdin is a pipe this process holds open and never writes: when the harness dies,
 * however it dies (kill -9 included, when no shutdown hook runs), the kernel closes it and the
 * runner, told by {@value #WATCH_ENV}={@value #WATCH_STDIN}, sees end-of-file and exits
 * (docs/runner-protocol.md). A runner started by hand, without the variable, ignores its stdin.
 */
public final class ProcessExecutor {
  /** The environment variable that tells a runner to exit when its stdin reaches end-of-file. */
  public static final String WATCH_ENV = "POLYBENCH_EXIT_ON_STDIN_EOF";

  public static final String WATCH_STDIN = "1";

  /** The runners alive now (the catalogue asks several at once). */
  private static final java.util.Set<Process> CURRENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static volatile boolean shuttingDown;
  private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

  /** How many runner processes this harness has started so far (progress notes count them). */
  public static int started() {
    return STARTED.get();
  }

  static {
    // Ctrl-C must not leave a runner behind, still burning a core.
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessExecutor::killCurrent, "kill-runner"));
  }

  private ProcessExecutor() {}

  public static ProcessOutcome execute(List<String> command, Path dir, Duration timeout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put(WATCH_ENV, WATCH_STDIN);
    long start = System.nanoTime();
    Process p = pb.start();
    STARTED.incrementAndGet();
    CURRENT.add(p);
    try {
      var out = drain(p.getInputStream());
      var err = drain(p.getErrorStream());
      // wait in short steps, noting the CPU the runner is on each time: the last note is near its end
      List<Integer> cpus = new java.util.ArrayList<>();
      long deadline = start + timeout.toNanos();
      boolean done = false;
      while (!done) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        done = p.waitFor(Math.min(left, CPU_POLL.toNanos()), TimeUnit.NANOSECONDS);
        if (!done) {
          Integer cpu = cpuOf(p.pid());
          if (cpu != null) cpus.add(cpu);
        }
      }
      long wall = System.nanoTime() - start;
      if (!done) {
        killTree(p);
        p.waitFor(5, TimeUnit.SECONDS);
      }
      out.thread.join(5000);
      err.thread.join(5000);
      return new ProcessOutcome(done ? p.exitValue() : null, out.text(), err.text(), wall, !done, cpus);
    } catch (InterruptedException e) {
      killTree(p);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the runner", e);
    } finally {
      CURRENT.remove(p);
      try {
        p.getOutputStream().close();
      } catch (IOException ignored) {
        // the runner is gone already
      }
    }
  }

  /** How often the harness notes which CPU a runner is on while it waits for it (a file read, no wake-up of the runner). */
  public static final java.time.Duration CPU_POLL = java.time.Duration.ofMillis(50);

  /** Field 39 of /proc/PID/stat, the CPU the process last ran on; null when it cannot be read (gone, not Linux). */
  static Integer cpuOf(long pid) {
    try {
      String s = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) is in parentheses and may hold spaces: count from after it; field 3 is the first
      String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
      return Integer.parseInt(f[39 - 3]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** True once the JVM is shutting down (Ctrl-C, SIGTERM): a runner that died now was killed by us. */
  public static boolean shuttingDown() {
    return shuttingDown;
  }

  private static void killCurrent() {
    shuttingDown = true;
    CURRENT.forEach(ProcessExecutor::killTree);
  }

  private static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private record Drain(Thread thread, ByteArrayOutputStream buffer) {
    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static Drain drain(InputStream in) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Thread t =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  byte[] chunk = new byte[8192];
                  try (in) {
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                      synchronized (buf) {
                        // A runner printing without end must not exhaust our heap.
                        if (buf.size() < 16 * 1024 * 1024) buf.write(chunk, 0, n);
                      }
                    }
                  } catch (IOException e) {
                    if (!"Stream closed".equals(e.getMessage())) throw new UncheckedIOException(e);
                  }
                });
    return new Drain(t, buf);
  }
}
