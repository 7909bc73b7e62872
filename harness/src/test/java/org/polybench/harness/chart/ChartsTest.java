package org.polybench.harness.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;

class ChartsTest {
  private static List<String> names(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesPngAndSvgPerChartAndWorkloadWithUsableData(@TempDir Path dir) throws IOException {
    List<Path> written = Charts.renderAll(FakeRuns.small(), dir);
    List<String> expected =
        List.of(
            "dot-bars.png", "dot-bars.svg", "dot-iteration-latency.png", "dot-iteration-latency.svg",
            "dot-peak-rss-vs-size.png", "dot-peak-rss-vs-size.svg",
            "dot-time-vs-size.png", "dot-time-vs-size.svg",
            "normalize-bars.png", "normalize-bars.svg", "normalize-iteration-latency.png", "normalize-iteration-latency.svg",
            "normalize-peak-rss-vs-size.png", "normalize-peak-rss-vs-size.svg",
            "normalize-time-vs-size.png", "normalize-time-vs-size.svg");
    // the fake cells report a peak RSS but no baseline: no bytes-per-element chart
    // tokenize has only invalid and unavailable cells: no chart of it
    assertEquals(expected, names(dir));
    assertEquals(expected, written.stream().map(p -> p.getFileName().toString()).sorted().toList());
    for (Path p : written) {
      assertTrue(Files.size(p) > 1_000, p + " is nearly empty");
    }
  }

  @Test
  void pngHasTheChartAndAFooterStrip(@TempDir Path dir) throws IOException {
    Charts.renderAll(FakeRuns.small(), dir);
    BufferedImage img = ImageIO.read(dir.resolve("dot-time-vs-size.png").toFile());
    assertNotNull(img);
    assertEquals(ChartStyle.WIDTH, img.getWidth());
    assertEquals(ChartStyle.HEIGHT + ChartStyle.FOOTER_HEIGHT, img.getHeight());
    int dark = 0;
    for (int y = ChartStyle.HEIGHT + 2; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        if (((rgb >> 16) & 0xFF) < 160) {
          dark++;
        }
      }
    }
    assertTrue(dark > 200, "the footer strip has text, found " + dark + " dark pixels");
  }

  @Test
  void svgIsAnSvgDocumentCarryingTheFooter(@TempDir Path dir) throws IOException {
    Charts.renderAll(FakeRuns.small(), dir);
    for (String name : List.of("dot-bars.svg", "dot-time-vs-size.svg")) {
      String svg = Files.readString(dir.resolve(name));
      assertTrue(svg.contains("<svg"), name);
      assertTrue(svg.trim().endsWith("</svg>"), name);
      assertTrue(svg.contains("run 20251123T202900Z-small"), name + " lacks the footer");
      assertTrue(svg.contains("AMD EPYC 7B13 64-Core Processor, 16 logical cores, 62.8 GiB memory"), name);
      assertTrue(svg.contains("2025-11-23 20:29 UTC"), name);
    }
  }

  @Test
  void drawsNothingWithoutUsableCells(@TempDir Path dir) throws IOException {
    RunRecord onlyBroken =
        new RunRecord(
            1, "broken", "2025-01-01T00:00:00Z", null, List.of(), Map.of(), Map.of(),
            List.of(
                FakeRuns.invalid("dot", "python/pure", 1_000, "wrong", List.of(5L, 6L, 7L)),
                FakeRuns.failed("normalize", "rust/naive", 1_000, "crashed")));
    assertEquals(List.of(), Charts.renderAll(onlyBroken, dir.resolve("charts")));
    assertEquals(List.of(), names(dir.resolve("charts")));
    RunRecord empty = new RunRecord(1, "empty", null, null, null, null, null, List.of());
    assertEquals(List.of(), Charts.renderAll(empty, dir.resolve("charts")));
  }

  @Test
  void unusableCellsAreNotDrawnAsPoints() {
    var dot = org.polybench.harness.view.WorkloadTable.of(FakeRuns.small(), "dot").orElseThrow();
    var chart = TimeVsSizeChart.build(dot);
    // java/scalar: the invalid 1,000 cell (which has a median) is left out; only 1,000,000 remains
    assertEquals(1, chart.getSeriesMap().get("java/scalar").getXData().length);
    assertEquals(6.0, chart.getSeriesMap().get("java/scalar").getXData()[0], 1e-12);
    // rust/optimized failed at 1,000,000: only its 1,000 point
    assertEquals(1, chart.getSeriesMap().get("rust/optimized").getXData().length);
    assertEquals(2, chart.getSeriesMap().get("python/pure").getXData().length);
  }

  @Test
  void barsAtTheLargestUsableSizeFastestFirstWithFactors() {
    var dot = org.polybench.harness.view.WorkloadTable.of(FakeRuns.small(), "dot").orElseThrow();
    List<BarsAtLargestSizeChart.Bar> bars = BarsAtLargestSizeChart.bars(dot);
    assertEquals(List.of("python/numpy", "java/scalar", "python/pure"), bars.stream().map(BarsAtLargestSizeChart.Bar::label).toList());
    assertEquals(1.0, bars.get(0).factor(), 1e-12);
    assertEquals(1_000_000.0 / 505_000, bars.get(1).factor(), 1e-9);
    assertEquals(100.0, bars.get(2).factor(), 1e-9);
    // the labels: the fastest is 1 by definition; the others carry the factor's bootstrap interval around it
    assertEquals("1.0x", bars.get(0).factorText());
    assertEquals(null, bars.get(0).interval());
    assertEquals("1.98x", bars.get(1).factorText());
    assertTrue(bars.get(2).interval().matches("\\[\\d+(\\.\\d)?x, \\d+x\\]"), bars.get(2).interval());
    // whiskers are the sample min and max, not a symmetric error
    assertEquals(499_000, bars.get(0).minNs(), 0);
    assertEquals(530_000, bars.get(0).maxNs(), 0);
    assertEquals("; not shown: rust/optimized (failed)", BarsAtLargestSizeChart.notShown(dot, 1_000_000));
    var figure = BarsAtLargestSizeChart.build(dot);
    assertTrue(figure.chart.getTitle().startsWith("dot at 1,000,000 elements"));
    assertFalse(figure.chart.getSeriesMap().containsKey("rust/optimized"));
  }

  @Test
  void singleCellAndSeveralThreadCountsRender(@TempDir Path dir) throws IOException {
    RunRecord one =
        new RunRecord(
            1, "one", "2025-01-01T00:00:00Z", null, List.of(), Map.of(), Map.of(),
            List.of(FakeRuns.ok("dot", "rust/naive", 1_000, List.of(900L, 1_000L, 1_100L))));
    // time vs size, bars, iteration latency, peak RSS vs size (the fake cell reports a peak, no baseline): PNG and SVG each
    assertEquals(8, Charts.renderAll(one, dir.resolve("one")).size());
    CellResult t1 = FakeRuns.ok("dot", "rust/optimized", 1_000_000, 1, List.of(400_000L, 410_000L));
    CellResult t4 = FakeRuns.ok("dot", "rust/optimized", 1_000_000, 4, List.of(100_000L, 120_000L));
    CellResult zero = FakeRuns.ok("dot", "java/vector", 1_000, 1, List.of(0L, 0L, 0L));
    RunRecord threads = new RunRecord(1, "threads", null, null, List.of(), Map.of(), Map.of(), List.of(t1, t4, zero));
    List<Path> files = Charts.renderAll(threads, dir.resolve("threads"));
    assertEquals(8, files.size()); // time vs size, bars, iteration latency, peak RSS vs size
  }
}
