package org.polybench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
  @Test
  void alignedTablesPerWorkload() {
    String text = ConsoleSummary.render(FakeRuns.small());
    List<String> lines = text.lines().toList();
    int start = lines.indexOf("dot: median time per iteration (±95% CI half-width)");
    assertTrue(start >= 0, text);
    List<String> block = lines.subList(start + 1, start + 6);
    // header + 4 implementations, right-aligned numbers: every line ends at the same column
    assertEquals(1, block.stream().mapToInt(String::length).distinct().count(), String.join("\n", block));
    assertTrue(block.get(0).startsWith("  implementation"));
    assertTrue(block.get(0).endsWith("1,000,000"));
    assertTrue(block.get(3).contains("305 ns −2.0%/+15%"), "a lopsided interval shows both sides: " + block.get(3));
    assertTrue(block.get(3).endsWith("failed"), block.get(3));
    assertTrue(block.get(4).contains("invalid"));
    assertTrue(text.contains("dot: factor vs fastest"));
    assertTrue(text.contains("4 cells not charted (1 failed, 2 invalid, 1 unavailable)"), text);
  }
}
