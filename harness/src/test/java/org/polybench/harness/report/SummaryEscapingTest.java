package org.polybench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Markdown;

/** Issue 15, point 6: summary.md printed a corpus path raw and command lines that could not be re-run. */
class SummaryEscapingTest {
  static RunRecord run(List<String> command, String corpus, String error) {
    Map<String, Object> settings = new LinkedHashMap<>(FakeRuns.settings(List.of(1_000L)));
    settings.put("corpus", corpus);
    return new RunRecord(RunRecord.SCHEMA_VERSION, "r", "2026-12-02T00:00:00Z", null, command, settings, FakeRuns.environment(),
        List.of(FakeRuns.ok("dot", "rust/naive", 1_000, List.of(5L, 6L, 7L)), FakeRuns.failed("dot", "python/pure", 1_000, error)));
  }

  @Test
  void aCorpusPathWithHtmlInItIsPrintedAsTextNotAsATag() {
    String md = SummaryMarkdown.render(run(List.of("./bench", "run"), "/tmp/<script>alert(1)</script>.txt", "boom"), List.of());
    assertFalse(md.contains("<script>"), md);
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"), md);
  }

  @Test
  void anErrorWithHtmlAndPipesStaysInsideItsTableCell() {
    String md = SummaryMarkdown.render(run(List.of("./bench", "run"), "c.txt", "bad <b>thing</b> | more"), List.of());
    assertFalse(md.contains("<b>"), md);
    assertTrue(md.contains("bad &lt;b&gt;thing&lt;/b&gt; \\| more"), md);
  }

  @Test
  void theCommandLineIsShellQuotedInACodeSpanThatSurvivesBackticks() {
    List<String> cmd = List.of("./bench", "run", "--corpus", "my file `x`.txt");
    String md = SummaryMarkdown.render(run(cmd, "c.txt", "boom"), List.of());
    String line = md.lines().filter(l -> l.startsWith("- **Command:**")).findFirst().orElseThrow();
    // what is between the fences is exactly what a POSIX shell needs to get the same words back
    assertEquals("- **Command:** ``./bench run --corpus 'my file `x`.txt'``", line);
  }

  @Test
  void codeSpansUseALongerFenceThanAnyBacktickRunInside() {
    assertEquals("`a b`", Markdown.code("a b"));
    assertEquals("``a`b``", Markdown.code("a`b"));
    assertEquals("``` `` ```", Markdown.code("``"));
  }
}
