package org.polybench.harness.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.polybench.harness.protocol.ProcessExecutor;

/**
 * Keeps long steps from being silent: a note on the cell's line every {@link #EVERY} (elapsed, which
 * fresh process, an estimate of the whole cell), and the harness's own reference computation run
 * under the cell's timeout.
 */
final class Progress {
  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration EVERY = Duration.ofSeconds(10);

  private Progress() {}

  /**
   * {@code task}'s value, computed in a daemon thread, or a TimeoutException once {@code limit}
   * has passed (the thread is left to finish on its own: a tight loop cannot be interrupted).
   * Prints "reference 5 s" style notes on the current line while it waits.
   */
  static <T> T bounded(String what, Callable<T> task, Duration limit, PrintStream out) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(task.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "reference");
    t.setDaemon(true);
    t.start();
    long start = System.nanoTime();
    long wait = FIRST.toMillis();
    while (true) {
      long left = limit.toMillis() - (System.nanoTime() - start) / 1_000_000;
      if (left <= 0) throw new TimeoutException("took longer than the timeout (" + limit.toSeconds() + " s)");
      try {
        return f.get(Math.min(wait, left), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        out.printf("(%s %d s) ", what, (System.nanoTime() - start) / 1_000_000_000L);
        out.flush();
        wait = EVERY.toMillis();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception ex) throw ex;
        throw e;
      }
    }
  }

  /** While open, notes on the cell's line how long it has run, in which of its processes, and an estimate. */
  static AutoCloseable ticker(PrintStream out, int invocations) {
    long start = System.nanoTime();
    int first = ProcessExecutor.started();
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(FIRST.toMillis());
        while (true) {
          long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
          int proc = Math.max(1, Math.min(invocations, ProcessExecutor.started() - first));
          // processes before this one are done: their mean time, times all of them
          String estimate = proc > 1 ? String.format(", about %d s in all", Math.round((double) elapsed / (proc - 1) * invocations)) : "";
          // one process per line (the interleaved order): the line names it already
          if (invocations <= 1) out.printf("(%d s) ", elapsed);
          else out.printf("(%d s, process %d of %d%s) ", elapsed, proc, invocations, estimate);
          out.flush();
          Thread.sleep(EVERY.toMillis());
        }
      } catch (InterruptedException e) {
        // the cell is done
      }
    }, "cell-progress");
    t.setDaemon(true);
    t.start();
    return t::interrupt;
  }
}
