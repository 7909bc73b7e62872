package org.polybench.harness.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.polybench.harness.UserError;
import org.polybench.harness.workload.Workload;

/**
 * Sizes that cannot run, refused before anything starts instead of a runner growing until the
 * kernel kills it (exit 137) or the harness's reference loop spinning for hours.
 *
 * <ul>
 *   <li>{@link #MAX_SIZE}: no size above 2^53 (sizes and answers pass through JSON, where a double
 *       cannot hold every larger integer); checked when --sizes is parsed.
 *   <li>{@link #maxSize}: a workload's own limit (tokenize's corpus is one Java array in the
 *       harness); checked with the other flags, before anything is built.
 *   <li>{@link #check}: each cell's expected footprint (inputs and outputs at that size, for its
 *       workload and language) against the memory available now (/proc/meminfo MemAvailable).
 * </ul>
 */
public final class SizeGuard {
  private SizeGuard() {}

  public static final long MAX_SIZE = 1L << 53;

  /** What a runner process needs besides its data (interpreter or JVM, code, buffers). */
  static final long RUNTIME_BYTES = 256L << 20;

  /** The largest size of a workload whatever the machine, by its own design. */
  public static long maxSize(String workload) {
    // the harness generates the corpus and computes its reference in one byte[] (tokenize.CorpusGenerator)
    return workload.equals("tokenize") ? Integer.MAX_VALUE - 8 : MAX_SIZE;
  }

  /**
   * Bytes per unit of size one implementation holds while it measures: its inputs and outputs in
   * that language's representation. Python lists cost a pointer plus a 24-byte float object per
   * element; NumPy arrays 8 bytes plus the temporaries of making them; Rust and Java arrays 8.
   */
  public static long bytesPerUnit(String workload, String language, String variant) {
    boolean boxed = language.equals("python") && !variant.contains("numpy");
    boolean ndarray = language.equals("python") && variant.contains("numpy");
    long copies = variant.startsWith("rust-ext") && boxed ? 16 : 0; // list -> Vec<f64> inside the call
    return switch (workload) {
      // two input vectors
      case "dot" -> boxed ? 64 + copies : ndarray ? 32 : 16;
      // one input and one output vector
      case "normalize" -> boxed ? 64 + copies : ndarray ? 32 : 16;
      // no data: a loop over the range
      case "parallel" -> 0;
      // the corpus (bytes and text) and the token ids (about one per 4 bytes)
      case "tokenize" -> language.equals("python") ? 24 : 6;
      default -> 16;
    };
  }

  /** Refuses (exit 2) sizes above {@link #maxSize} of a requested workload. */
  public static void checkLimits(List<Workload> workloads, List<Long> sizes) {
    if (sizes == null) return;
    for (Workload w : workloads) {
      for (long s : sizes) {
        if (s > maxSize(w.name())) {
          throw new UserError(String.format(
              "--sizes %,d is too large for %s: its sizes are at most %,d %s (the harness makes its input and reference in one"
                  + " Java array); give a smaller size", s, w.name(), maxSize(w.name()), w.sizeUnit()));
        }
      }
    }
  }

  /** MemAvailable of /proc/meminfo in bytes; empty where it cannot be read. */
  public static OptionalLong memAvailable() {
    return meminfo("MemAvailable:");
  }

  /** A quarter of MemTotal: HotSpot's default maximum heap, which bounds the java and graalpy runners. */
  public static long jvmDefaultHeap() {
    OptionalLong total = meminfo("MemTotal:");
    return total.isPresent() ? total.getAsLong() / 4 : Long.MAX_VALUE;
  }

  private static OptionalLong meminfo(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(field)) return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
      }
    } catch (IOException | RuntimeException e) {
      // no procfs: no guard
    }
    return OptionalLong.empty();
  }

  /** Refuses (exit 2) a plan with a cell whose footprint exceeds {@code availableBytes}, naming the largest size that fits. */
  public static void check(Plan plan, long availableBytes) {
    check(plan, availableBytes, Long.MAX_VALUE);
  }

  /**
   * As {@link #check(Plan, long)}, with {@code jvmHeapBytes} the most a runner JVM (java, graalpy)
   * may use: HotSpot's default maximum heap is a quarter of the machine's memory.
   */
  public static void check(Plan plan, long availableBytes, long jvmHeapBytes) {
    Map<String, String> refused = new LinkedHashMap<>();
    for (Cell c : plan.cells()) {
      String runner = c.implementation().runner();
      long limit = runner.equals("java") || runner.equals("graalpy") ? Math.min(availableBytes, jvmHeapBytes) : availableBytes;
      long per = bytesPerUnit(c.workload().name(), c.implementation().language(), c.implementation().variant());
      if (per == 0) continue;
      double need = (double) c.size() * per + RUNTIME_BYTES;
      if (need <= limit) continue;
      String key = c.workload().name() + " " + c.implementation().id();
      long fits = Math.max(0, (limit - RUNTIME_BYTES) / per);
      refused.putIfAbsent(key, String.format("%s at %,d needs about %s (%d bytes per %s), the largest size that fits is %s",
          key, c.size(), bytes(need), per, unit(c.workload()), fits < 1 ? "none" : String.format("%,d", roundDown(fits)))
          + (limit < availableBytes ? " (a JVM's default heap: a quarter of the memory)" : ""));
    }
    if (refused.isEmpty()) return;
    List<String> lines = new ArrayList<>(refused.values());
    throw new UserError("not enough memory for some cells (" + bytes(availableBytes) + " available now, MemAvailable in /proc/meminfo):\n  "
        + String.join("\n  ", lines) + "\nGive smaller --sizes or leave those --implementations out.");
  }

  private static String unit(Workload w) {
    String u = w.sizeUnit();
    return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
  }

  /** Down to two significant digits, so the suggestion is a size people type (1,300,000,000). */
  static long roundDown(long n) {
    long scale = 1;
    while (n / scale >= 100) scale *= 10;
    return n / scale * scale;
  }

  static String bytes(double b) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
    int i = 0;
    while (b >= 1000 && i < units.length - 1) {
      b /= 1000;
      i++;
    }
    return String.format(b >= 100 || i == 0 ? "%.0f %s" : "%.1f %s", b, units[i]);
  }
}
