package org.polybench.harness.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.chart.Charts;
import org.polybench.harness.claims.ClaimSpec;
import org.polybench.harness.claims.Registry;
import org.polybench.harness.store.RunRecord;

/**
 * Opens report.html in a real browser: headless Chromium (Debian: {@code apt-get install -y
 * chromium}; or set {@code POLYBENCH_CHROMIUM} to a Chrome/Chromium binary). Checks that every
 * claim card and every chart is present and visible at desktop and phone widths, that the page
 * logs no error and loads nothing, and saves screenshots to
 * {@code harness/target/report-screenshots/}. Without a browser it fails, saying how to install
 * one, unless {@code POLYBENCH_SKIP_BROWSER=1} asks explicitly to skip it.
 */
class ReportBrowserTest {
  @Test
  void reportOpensInChromiumWithEveryCardAndChartVisibleAndNoErrors(@TempDir Path dir) throws Exception {
    Path chromium = Chromium.find();
    if (chromium == null) {
      Assumptions.assumeFalse("1".equals(System.getenv("POLYBENCH_SKIP_BROWSER")), "POLYBENCH_SKIP_BROWSER=1: the browser test was skipped on request");
      fail("this test needs headless Chromium to open report.html: install it (Debian/Ubuntu: apt-get install -y chromium) "
          + "or set POLYBENCH_CHROMIUM=/path/to/chrome; POLYBENCH_SKIP_BROWSER=1 skips it explicitly");
    }
    RunRecord run = ReportFixture.run();
    List<Path> charts = Charts.renderAll(run, dir.resolve("charts"));
    Path page = new HtmlReport().write(run, dir, charts, new PrintStream(new ByteArrayOutputStream())).get(0);
    List<String> claimIds = Registry.builtIn().claims().stream().map(c -> (c.isFinding() ? "finding-" : "claim-") + c.id()).toList();
    long svgCharts = charts.stream().filter(p -> p.toString().endsWith(".svg")).count();
    Path shots = Path.of("target", "report-screenshots");
    try (Chromium browser = new Chromium(chromium, dir.resolve("profile"))) {
      for (int width : new int[] {1280, 390}) {
        browser.open(page.toUri(), width, 900);
        JsonNode r = browser.evaluate(CHECK.replace("IDS", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claimIds)));
        assertEquals(0, r.path("scripts").asInt(), "no script elements");
        assertEquals(0, r.path("resources").asInt(), "nothing fetched: " + r.path("resourceNames"));
        assertTrue(r.path("missing").isEmpty(), "cards missing or invisible at " + width + " px: " + r.path("missing"));
        assertEquals(claimIds.size(), r.path("cardCharts").asInt(), "one visible chart in every card at " + width + " px");
        assertEquals(claimIds.size() + svgCharts, r.path("visibleCharts").asInt(), "every chart visible at " + width + " px: " + r.path("invisible"));
        assertTrue(r.path("overflow").asInt() <= width + 1, "nothing wider than the screen at " + width + " px: " + r.path("overflow"));
        browser.screenshot(shots.resolve("report-" + width + "px.png"));
        browser.screenshot(shots.resolve("report-" + width + "px-top.png"), 0, width, 1600);
      }
      assertEquals(List.of(), browser.errors(), "console errors, exceptions or failed loads");
    }
    assertTrue(Files.size(shots.resolve("report-1280px.png")) > 10_000, "a screenshot was saved");
  }

  /** Runs in the page: which cards and charts exist and are visible. */
  private static final String CHECK = """
      (() => {
        const visible = el => { if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity) > 0; };
        const missing = IDS.filter(id => !visible(document.getElementById(id)));
        const charts = [...document.querySelectorAll('svg.chart')];
        const cardCharts = [...document.querySelectorAll('article.card svg.chart')].filter(visible).length;
        return { missing, cardCharts, visibleCharts: charts.filter(visible).length,
          invisible: charts.filter(c => !visible(c)).map(c => c.id),
          scripts: document.scripts.length, resources: performance.getEntriesByType('resource').length,
          resourceNames: performance.getEntriesByType('resource').map(e => e.name),
          overflow: document.documentElement.scrollWidth };
      })()
      """;
}
