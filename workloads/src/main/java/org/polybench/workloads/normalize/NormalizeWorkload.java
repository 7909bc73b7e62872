package org.polybench.workloads.normalize;

import org.polybench.workloads.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code normalize}: {@code a} from {@code seed}; the checksum ({@code f64+sha256}) is the count and
 * SHA-256 of the outputs' float64 bit patterns, 8 bytes little-endian, in order: exact, so a
 * permuted, truncated or float32-rounded output fails (docs/workloads.md#normalize).
 */
public final class NormalizeWorkload implements Workload<double[], double[]> {

    public static final String CHECKSUM_KIND = "f64+sha256";

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public double[] prepare(InputSpec spec) {
        return SplitMix64.doubles(spec.seed(), spec.size());
    }

    /** Not the protocol's checksum (that is {@link #checksumText}): the number of outputs. */
    @Override
    public double checksum(double[] output) {
        return output.length;
    }

    @Override
    public String checksumKind() {
        return CHECKSUM_KIND;
    }

    @Override
    public String checksumText(double[] output) {
        return sha256(output);
    }

    /** {@code "<count>:<64 hex digits>"}, hashed through a 64 KiB buffer (no copy of the output). */
    public static String sha256(double[] ys) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (double y : ys) {
            if (!buf.hasRemaining()) {
                buf.flip();
                sha.update(buf);
                buf.clear();
            }
            buf.putLong(Double.doubleToRawLongBits(y));
        }
        buf.flip();
        sha.update(buf);
        return ys.length + ":" + HexFormat.of().formatHex(sha.digest());
    }
}
