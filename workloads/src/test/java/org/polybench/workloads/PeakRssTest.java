package org.polybench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PeakRssTest {

    @Test
    void parsesKibibytes() {
        assertEquals(123456L, PeakRss.parseKiB("\t  123456 kB"));
        assertThrows(IllegalArgumentException.class, () -> PeakRss.parseKiB("12 MB"));
    }

    @Test
    void readsThisProcessOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")));
        long bytes = PeakRss.bytes().orElseThrow();
        // A running JVM holds at least a few MiB and, on this 2-core box, far less than 1 TiB.
        assertTrue(bytes > 4L << 20 && bytes < 1L << 40, "VmHWM " + bytes);
    }
}
