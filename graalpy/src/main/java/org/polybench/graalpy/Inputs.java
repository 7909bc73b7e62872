package org.polybench.graalpy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.graalvm.polyglot.Value;
import org.polybench.workloads.SplitMix64;

/**
 * The inputs of the pure variant, as Python lists of floats (never timed).
 *
 * <p>By default they are made in Java: the pure variant's {@code prepare} would use splitmix64.py's
 * pure-Python generator (NumPy, which CPython uses to make them, is not available in GraalPy),
 * and that takes about 10 s per 1e6 doubles under GraalPy. {@link SplitMix64} gives the same
 * doubles bit for bit (the tests compare both); they reach Python as a little-endian float64 file
 * read by {@code array.frombytes(...).tolist()} (passing a Java array and iterating it through the
 * Polyglot API is slower still). {@link Source#PYTHON} uses {@code prepare} itself.
 */
final class Inputs {
  enum Source {
    JAVA,
    PYTHON
  }

  private Inputs() {}

  /** The kernel's arguments for one workload, size and seed. */
  static Value[] make(GraalPy py, Value impl, String workload, int size, long seed, Source source) {
    // binary-trees has no seeded data: its prepare() builds the long-lived tree (docs/workloads.md)
    if (source == Source.PYTHON || workload.equals("binary-trees")) {
      Value tuple = impl.getMember("prepare").execute(size, new BigInteger(Long.toUnsignedString(seed)));
      Value[] out = new Value[(int) tuple.getArraySize()];
      for (int i = 0; i < out.length; i++) {
        out[i] = tuple.getArrayElement(i);
      }
      return out;
    }
    // docs/workloads.md: dot reads a from seed and b from seed + 1 (mod 2^64, as Java's long wraps);
    // normalize reads a from seed
    long[] seeds = switch (workload) {
      case "dot" -> new long[] {seed, seed + 1};
      case "normalize" -> new long[] {seed};
      default -> throw new IllegalArgumentException("no inputs known for workload " + workload);
    };
    Value[] out = new Value[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      out[i] = list(py, SplitMix64.doubles(seeds[i], size));
    }
    return out;
  }

  private static Value list(GraalPy py, double[] values) {
    Path file = null;
    try {
      file = Files.createTempFile("polybench-graalpy-", ".f64");
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
          if (!buf.hasRemaining()) {
            writeAll(ch, buf);
          }
          buf.putDouble(v);
        }
        writeAll(ch, buf);
      }
      return py.doublesFromFile(file, values.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pass the inputs to Python through a temporary file", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a leftover in the temp directory is harmless
        }
      }
    }
  }

  private static void writeAll(FileChannel ch, ByteBuffer buf) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    buf.clear();
  }
}
