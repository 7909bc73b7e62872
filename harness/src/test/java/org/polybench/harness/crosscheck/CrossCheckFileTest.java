package org.polybench.harness.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crosscheck.json round trip and the summary.md section drawn from it. */
class CrossCheckFileTest {
  @Test
  void rowsSurviveTheFileAndTheSectionShowsRatioAndVerdict(@TempDir Path dir) throws IOException {
    CrossCheckRow ok = CrossCheckRow.measured("dot", "rust/optimized", 1_000_000, "criterion",
        List.of(List.of(1300L, 1310L, 1290L), List.of(1305L, 1295L, 1300L)),
        List.of(new RefereeResult("criterion", 1000.0, "slope", List.of(List.of(1000.0, 1001.0, 999.0, 1000.5))),
            new RefereeResult("criterion", 1002.0, "slope", List.of(List.of(1002.0, 1003.0, 1001.0)))),
        List.of(List.of("cargo", "bench")));
    CrossCheckRow none = CrossCheckRow.notMeasured("dot", "python/graalpy", 1_000_000, null, "no-referee",
        "python/graalpy does not run on CPython", List.of());
    CrossCheckFile.write(dir, Map.of("seed", 42), List.of(ok, none));
    List<CrossCheckRow> back = CrossCheckFile.read(dir);
    assertEquals(List.of(ok, none), back);
    assertEquals(List.of(1, 2), back.get(0).refereeSampleRounds(), "each referee group names its round");
    String md = CrossCheckTable.section(dir);
    assertTrue(md.startsWith("## Crosscheck"), md);
    assertTrue(md.contains("| dot rust/optimized n=1,000,000 | criterion | 1.30 µs |"), md);
    assertTrue(md.contains("| **no** |"), "1.3x is no agreement: " + md);
    assertTrue(md.contains("no-referee: python/graalpy does not run on CPython"), md);
    assertTrue(md.contains("0 of 1 cells measured on both sides agree."), md);
  }

  @Test
  void aFolderWithoutCrosscheckJsonHasNoSection(@TempDir Path dir) {
    assertEquals("", CrossCheckTable.section(dir));
  }
}
