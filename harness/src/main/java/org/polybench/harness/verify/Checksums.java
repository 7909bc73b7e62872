package org.polybench.harness.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The exact checksums of docs/workloads.md, as the harness computes them for its references (and
 * tests for outputs a wrong implementation would give). Written from the spec, not from a runner.
 */
public final class Checksums {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Checksums() {}

  /** Feeds float64 values to {@link #f64Sha256}: a digest over their bit patterns, in order. */
  public static final class F64Digest {
    private final MessageDigest sha = sha256();
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long count;

    public void add(double y) {
      if (!buf.hasRemaining()) flush();
      // doubleToRawLongBits: the bits as they are, so -0.0 and 0.0 (and NaN payloads) differ
      buf.putLong(Double.doubleToRawLongBits(y));
      count++;
    }

    /** {@code "<count>:<64 lowercase hex digits>"}. */
    public String checksum() {
      flush();
      return count + ":" + HexFormat.of().formatHex(sha.digest());
    }

    private void flush() {
      buf.flip();
      sha.update(buf);
      buf.clear();
    }
  }

  /** normalize's {@code f64+sha256}: the count and SHA-256 of every output as 8 bytes LE. */
  public static String f64Sha256(double[] ys) {
    F64Digest d = new F64Digest();
    for (double y : ys) d.add(y);
    return d.checksum();
  }

  /** tokenize's {@code docs+tokens+fnv64}: per document its id count, then its ids, u32 LE. */
  public static String docsTokensFnv64(List<int[]> documents) {
    long h = FNV_OFFSET;
    long ids = 0;
    for (int[] doc : documents) {
      h = fnv(h, doc.length);
      for (int id : doc) h = fnv(h, id);
      ids += doc.length;
    }
    return ids + ":" + String.format("%016x", h);
  }

  private static long fnv(long h, int u32) {
    for (int shift = 0; shift < 32; shift += 8) h = (h ^ ((u32 >>> shift) & 0xFF)) * FNV_PRIME;
    return h;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
