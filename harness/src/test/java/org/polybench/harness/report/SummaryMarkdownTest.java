package org.polybench.harness.report;

import org.polybench.harness.view.Cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.store.RunRecord;

/**
 * summary.md is sealed by a golden file. After an intended change, regenerate it with
 * {@code mvn -pl workloads,harness test -Dtest=SummaryMarkdownTest -Dgolden.update=true} and
 * review the diff.
 */
class SummaryMarkdownTest {
  private static final String GOLDEN = "golden/summary.md";
  private static final List<String> CHARTS =
      List.of(
          "charts/dot-time-vs-size.png", "charts/dot-time-vs-size.svg",
          "charts/normalize-time-vs-size.png", "charts/normalize-time-vs-size.svg",
          "charts/dot-bars.png", "charts/dot-bars.svg",
          "charts/normalize-bars.png", "charts/normalize-bars.svg");

  @Test
  void matchesTheGoldenFile() throws IOException {
    String actual = SummaryMarkdown.render(FakeRuns.small(), CHARTS);
    if (Boolean.getBoolean("golden.update")) {
      Path file = moduleDir().resolve("src/test/resources").resolve(GOLDEN);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      System.out.println("updated " + file);
      return;
    }
    String expected;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
      assertNotNull(in, GOLDEN + " missing: run with -Dgolden.update=true to create it");
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
    assertEquals(expected, actual, "summary.md changed: if intended, rerun with -Dgolden.update=true");
  }

  @Test
  void isDeterministic() {
    assertEquals(SummaryMarkdown.render(FakeRuns.small(), CHARTS), SummaryMarkdown.render(FakeRuns.small(), CHARTS));
  }

  @Test
  void listsEveryUnusableCellWithItsErrorOnOneLine() {
    String md = SummaryMarkdown.render(FakeRuns.small(), CHARTS);
    String notCharted = md.substring(md.indexOf("## Cells not charted"), md.indexOf("## Claims"));
    assertTrue(notCharted.contains("| dot | `rust/optimized` | 1,000,000 | 1 | failed | runner exited with code 137 (killed: out of memory?) stderr: memory allocation"));
    assertTrue(notCharted.contains("| dot | `java/scalar` | 1,000 | 1 | invalid | checksum 250.123 differs"));
    assertTrue(notCharted.contains("\\| wrong"), "a pipe in an error must not break the table");
    assertTrue(notCharted.contains("| tokenize | `rust/naive` | 1,000 | 1 | unavailable | cargo not found"));
    assertTrue(notCharted.contains("| tokenize | `python/pure` | 1,000 | 1 | invalid |"));
    assertEquals(4, notCharted.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload")).count());
  }

  @Test
  void endsWithTheVerdictTable() {
    String md = SummaryMarkdown.render(FakeRuns.small(), CHARTS);
    String claims = md.substring(md.lastIndexOf("## Claims"));
    assertTrue(claims.contains("| claim | verdict | estimate [95% CI] | why |"), claims);
    assertTrue(claims.contains("| `loops-tens-to-hundreds` | **inconclusive** |"), "rust/optimized failed at 1e6 in the small run: " + claims);
    assertTrue(claims.contains("| `startup` | **inconclusive** | – | startup: python/bare / rust/*: no startup cells in this run"), claims);
    assertTrue(md.stripTrailing().endsWith("|"), "the table is the last thing");
  }

  @Test
  void linksOnlyTheChartsOfEachWorkload() {
    String md = SummaryMarkdown.render(FakeRuns.small(), CHARTS);
    String dot = md.substring(md.indexOf("## dot"), md.indexOf("## normalize"));
    assertTrue(dot.contains("![dot-time-vs-size](charts/dot-time-vs-size.png)"));
    assertTrue(dot.contains("[dot-bars.svg](charts/dot-bars.svg)"));
    assertFalse(dot.contains("normalize-"));
    String tokenize = md.substring(md.indexOf("## tokenize"), md.indexOf("## Cells not charted"));
    assertTrue(tokenize.contains("No chart: no cell of this workload was usable."));
  }

  @Test
  void writeLinksChartFilesRelativeToTheRunDirectory(@TempDir Path runDir) throws IOException {
    Path png = runDir.resolve("charts/dot-bars.png");
    Path out = SummaryMarkdown.write(FakeRuns.small(), runDir, List.of(png));
    assertEquals(runDir.resolve("summary.md"), out);
    assertTrue(Files.readString(out).contains("![dot-bars](charts/dot-bars.png)"));
  }

  @Test
  void toleratesAnEmptyEnvironmentAndNoMeasurements() {
    RunRecord bare = new RunRecord(1, "bare", null, null, null, null, null, List.of());
    String md = SummaryMarkdown.render(bare, List.of());
    assertTrue(md.contains("**Machine:** unknown CPU"));
    assertTrue(md.contains("**Finished:** not finished"));
    assertTrue(md.contains("This run has no measurements."));
    RunRecord partial = new RunRecord(1, "p", "not a date", null, List.of(), Map.of(), Map.of("machine", Map.of("logical_cores", "8")), List.of());
    String md2 = SummaryMarkdown.render(partial, List.of());
    assertTrue(md2.contains("**Machine:** unknown CPU, 8 logical cores"));
    assertTrue(md2.contains("**Started:** not a date"));
  }

  private static Path moduleDir() {
    String basedir = System.getProperty("basedir");
    if (basedir != null) {
      return Path.of(basedir);
    }
    String root = System.getProperty("polybench.root");
    return root != null ? Path.of(root, "harness") : Path.of("").toAbsolutePath();
  }
}
