package org.polybench.harness.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polybench.harness.claims.ClaimSpec;
import org.polybench.harness.claims.Registry;

class HtmlReportTest {
  private static final String PAGE = HtmlReport.render(ReportFixture.run(), Registry.builtIn(), Map.of(
      "dot-bars", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800px\" height=\"600px\"><defs><clipPath id=\"clip1\"/></defs><g clip-path=\"url(#clip1)\"/></svg>"));

  @Test
  void everyClaimAndFindingHasAStableAnchorAndAChart() {
    for (ClaimSpec c : Registry.builtIn().claims()) {
      String anchor = (c.isFinding() ? "finding-" : "claim-") + c.id();
      assertTrue(PAGE.contains("<article class=\"card ") && PAGE.contains("id=\"" + anchor + "\""), anchor);
      assertTrue(PAGE.contains("href=\"#" + anchor + "\""), "the verdict table links " + anchor);
      assertTrue(PAGE.contains("id=\"chart-" + anchor + "\""), "its chart: " + anchor);
    }
    assertTrue(PAGE.contains("id=\"claim-gil-threads\""));
    assertTrue(PAGE.contains("id=\"chart-dot-bars\""), "the workload charts are inlined under their own anchors");
    assertTrue(PAGE.contains("id=\"cell-dot-python-pure-t1\""), "table rows are link targets of the cards");
    assertTrue(PAGE.contains("href=\"#cell-dot-python-pure-t1\""));
  }

  @Test
  void inputTextIsEscapedAndNothingIsFetchedOrRun() {
    assertFalse(PAGE.contains("<script"), "no script, and input text never becomes one");
    assertFalse(PAGE.contains("<b>bold</b>"));
    assertTrue(PAGE.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), "the error text, escaped");
    assertTrue(PAGE.contains("my &lt;script&gt;"), "the command line, escaped");
    Matcher urls = Pattern.compile("(?:src|href)=\"(?!#|data:)([^\"]*)\"").matcher(PAGE);
    assertFalse(urls.find(), "every link is an anchor in the page: " + (urls.hitEnd() ? "" : urls.group()));
    Matcher http = Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg)").matcher(PAGE);
    assertFalse(http.find(), "no network address apart from the SVG namespace");
  }

  @Test
  void inlinedChartsKeepTheirOwnClipPathsAndScale() {
    assertTrue(PAGE.contains("id=\"chart-dot-bars-clip1\"") && PAGE.contains("url(#chart-dot-bars-clip1)"), "ids prefixed per chart");
    assertTrue(PAGE.contains("viewBox=\"0 0 800 600\""), "a viewBox is added so the chart scales to a phone");
    assertFalse(PAGE.contains("<?xml"));
  }

  @Test
  void theProvenanceIsThere() {
    int at = PAGE.indexOf("id=\"provenance\"");
    assertTrue(at > 0);
    String prov = PAGE.substring(at);
    for (String s : new String[] {"20250101-000000-report", "AMD EPYC 7B13", "3f2c9a1e5b7d", "rustc 1.83.0", "numpy 2.1.3", "2025-01-01 00:00 UTC", "./bench run --corpus"}) {
      assertTrue(prov.contains(s), s);
    }
    assertEquals(1, PAGE.split("id=\"provenance\"", -1).length - 1);
  }
}
