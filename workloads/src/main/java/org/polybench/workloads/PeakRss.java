package org.polybench.workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The process's peak resident set, from {@code VmHWM} in {@code /proc/self/status} (Linux). */
public final class PeakRss {

    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakRss() {}

    /** Peak RSS in bytes, or empty where {@code /proc} is not available. */
    public static OptionalLong bytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(parseKiB(line.substring("VmHWM:".length())) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or an unexpected format: report unknown rather than a wrong number.
        }
        return OptionalLong.empty();
    }

    /** "   123456 kB" -> 123456. */
    static long parseKiB(String value) {
        String trimmed = value.trim();
        if (!trimmed.endsWith("kB")) {
            throw new IllegalArgumentException("unexpected VmHWM unit: " + trimmed);
        }
        return Long.parseLong(trimmed.substring(0, trimmed.length() - 2).trim());
    }
}
