package org.polybench.harness.html;

import static org.polybench.harness.html.Html.esc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polybench.harness.claims.Anchors;
import org.polybench.harness.claims.ClaimSpec;
import org.polybench.harness.claims.Crossing;
import org.polybench.harness.claims.Estimate;
import org.polybench.harness.claims.Evaluator;
import org.polybench.harness.claims.Missing;
import org.polybench.harness.claims.Outcome;
import org.polybench.harness.claims.Registry;
import org.polybench.harness.claims.Verdict;
import org.polybench.harness.claims.VerdictTable;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.Cells;
import org.polybench.harness.view.Durations;
import org.polybench.harness.view.Numbers;
import org.polybench.harness.view.ReportFormat;
import org.polybench.harness.view.RunInfo;
import org.polybench.harness.view.WorkloadTable;

/**
 * {@code report.html}: one self-contained page for readers, claims first. A verdict card per claim
 * (quote, source, the mapping from words to numbers, the verdict, its estimate and interval drawn
 * against the claimed range, the cells used linked to the tables), then the findings, then the
 * per-workload tables and charts (the SVGs the chart format wrote, inlined), then the machine and
 * provenance. No script, no network: inline SVG and CSS only. Every text that came from input is
 * escaped. Anchors are stable: {@code #claim-<id>}, {@code #finding-<id>}, {@code #chart-<name>},
 * {@code #workload-<name>}, {@code #cell-<workload>-<implementation>-t<threads>}.
 */
public final class HtmlReport implements ReportFormat {
  public static final String FILE_NAME = "report.html";

  @Override
  public String name() {
    return FILE_NAME;
  }

  @Override
  public List<Path> write(RunRecord run, Path runDir, List<Path> earlier, PrintStream console) throws IOException {
    Map<String, String> svgs = new LinkedHashMap<>();
    for (Path p : earlier) {
      String f = p.getFileName().toString();
      if (f.endsWith(".svg") && Files.isRegularFile(p)) svgs.put(f.substring(0, f.length() - 4), Files.readString(p, StandardCharsets.UTF_8));
    }
    Path out = runDir.resolve(FILE_NAME);
    Files.writeString(out, render(run, Registry.builtIn(), svgs), StandardCharsets.UTF_8);
    return List.of(out);
  }

  /**
   * The page.
   *
   * @param charts chart name (file name without .svg, e.g. {@code dot-bars}) to its SVG text
   */
  public static String render(RunRecord run, Registry registry, Map<String, String> charts) {
    List<Outcome> outcomes = Evaluator.evaluate(registry, run);
    List<Outcome> claims = outcomes.stream().filter(o -> !o.spec().isFinding()).toList();
    List<Outcome> findings = outcomes.stream().filter(o -> o.spec().isFinding()).toList();
    List<WorkloadTable> tables = WorkloadTable.of(run);
    String footer = RunInfo.footer(run);
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>polybench: claims answered, run ").append(esc(run.runId())).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>Rust vs Python vs Java: the articles' claims, measured</h1>\n<p class=\"sub\">Run <code>")
        .append(esc(run.runId())).append("</code> · ").append(esc(RunInfo.machine(run))).append(" · ")
        .append(esc(orUnknown(RunInfo.time(run.startedAt())))).append(" · <a href=\"#provenance\">provenance</a></p>\n");
    h.append("<nav><a href=\"#claims\">Claims</a> <a href=\"#findings\">Findings</a> <a href=\"#workloads\">Workloads</a> <a href=\"#provenance\">Machine and provenance</a></nav></header>\n<main>\n");

    h.append("<section id=\"claims\"><h2>Claims</h2>\n<p>").append(RULE).append("</p>\n");
    verdictTable(h, outcomes);
    for (Outcome o : claims) card(h, o, registry, run, charts, footer);
    h.append("</section>\n");

    h.append("<section id=\"findings\"><h2>Findings</h2>\n<p>Beyond the articles: estimates with their 95% intervals, no verdict.</p>\n");
    for (Outcome o : findings) card(h, o, registry, run, charts, footer);
    h.append("</section>\n");

    h.append("<section id=\"workloads\"><h2>Workloads</h2>\n<p>Each time is the median of the measured iterations of one kernel call, "
        + "pooled over the cell's fresh processes, with the half-width of its 95% confidence interval. A factor is the median over the "
        + "fastest median at that size, with its 95% bootstrap interval in brackets (processes, then samples within each, resampled). Only verified cells are timed and charted.</p>\n");
    for (WorkloadTable t : tables) workload(h, t, charts);
    if (tables.isEmpty()) h.append("<p>This run has no measurements.</p>\n");
    h.append("</section>\n");

    provenance(h, run);
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static final String RULE =
      "Each claim names the cells it rests on, the statistic and how the article's words become a range of numbers. "
          + "A verdict rests on the 95% interval of a ratio of medians, bootstrapped hierarchically (the fresh processes, then their samples), "
          + "not on the point estimate: <b>supported</b> when every interval lies inside the range, <b>refuted</b> when every one lies outside, "
          + "<b>inconclusive</b> when one straddles a bound or a cell the claim needs is missing. Where a claim spans several cells, "
          + "each is drawn; the headline estimate is the one closest to a bound (the weakest support or the nearest miss).";

  private static void verdictTable(StringBuilder h, List<Outcome> outcomes) {
    h.append("<div class=\"scroll\"><table class=\"verdicts\"><thead><tr><th>claim</th><th>verdict</th><th>estimate [95% CI]</th><th>why</th></tr></thead><tbody>\n");
    for (Outcome o : outcomes) {
      h.append("<tr><td><a href=\"#").append(o.anchor()).append("\">").append(esc(o.spec().id())).append("</a></td><td>")
          .append(badge(o.verdict())).append("</td><td class=\"est\">").append(esc(VerdictTable.estimate(o))).append("</td><td>")
          .append(esc(o.reason())).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static String badge(Verdict v) {
    return "<span class=\"badge " + v.word() + "\">" + v.word() + "</span>";
  }

  private static void card(StringBuilder h, Outcome o, Registry reg, RunRecord run, Map<String, String> charts, String footer) {
    ClaimSpec c = o.spec();
    h.append("<article class=\"card ").append(o.verdict().word()).append("\" id=\"").append(o.anchor()).append("\">\n");
    h.append("<h3><a class=\"self\" href=\"#").append(o.anchor()).append("\">").append(esc(c.id())).append("</a> ")
        .append(badge(o.verdict())).append("</h3>\n");
    if (!c.quote().isEmpty()) h.append("<blockquote>“").append(esc(c.quote())).append("”</blockquote>\n");
    h.append("<p class=\"statement\">").append(esc(c.statement())).append("</p>\n");
    List<String> titles = reg.titles(c);
    if (!titles.isEmpty()) {
      h.append("<p class=\"source\">Source: ");
      for (int i = 0; i < titles.size(); i++) {
        if (i > 0) h.append("; ");
        h.append("[").append(esc(c.articles().get(i))).append("] <cite>").append(esc(titles.get(i))).append("</cite>");
      }
      h.append("</p>\n");
    }
    h.append("<p class=\"mapping\"><b>Words to numbers:</b> ").append(esc(c.mapping()));
    if (o.range() != null) {
      String unit = o.headline() == null ? "x" : o.headline().unit();
      h.append(" Range on this machine: <b>").append(esc(Evaluator.rangeText(o.range(), unit))).append("</b>.");
    }
    h.append("</p>\n");
    h.append("<p class=\"estimate\"><b>").append(o.crossings().isEmpty() ? "Estimate" : "Crossing").append(":</b> ")
        .append(esc(VerdictTable.estimate(o))).append("</p>\n");
    h.append("<p class=\"why\"><b>Why:</b> ").append(esc(o.reason())).append("</p>\n");
    if (!o.crossings().isEmpty()) {
      h.append("<ul class=\"crossings\">");
      for (Crossing x : o.crossings()) {
        h.append("<li>").append(esc(x.workload() + ": " + x.numerator() + " / " + x.denominator() + " crosses " + x.text())).append("</li>");
      }
      h.append("</ul>\n<figure>").append(CrossoverChart.svg(o, footer)).append("</figure>\n");
    } else {
      h.append("<figure>").append(IntervalChart.svg(o, footer)).append("</figure>\n");
    }
    for (Outcome a : o.also()) {
      h.append("<p class=\"also\"><b>And:</b> ").append(esc(a.spec().statement())).append(" ").append(badge(a.verdict())).append(" ")
          .append(esc(a.reason())).append("</p>\n");
    }
    if (!o.missing().isEmpty()) {
      h.append("<ul class=\"missing\">");
      for (Missing m : o.missing()) {
        h.append("<li>").append(m.optional() ? "Noted: " : "Missing: ").append(esc(m.text())).append("</li>");
      }
      h.append("</ul>\n");
    }
    cellsUsed(h, o);
    restsOn(h, o, charts);
    h.append("</article>\n");
  }

  private static void cellsUsed(StringBuilder h, Outcome o) {
    Set<CellResult> cells = new LinkedHashSet<>();
    for (Estimate e : o.estimates()) cells.addAll(e.cells());
    if (cells.isEmpty()) return;
    h.append("<div class=\"cells\"><b>Cells used (").append(cells.size()).append("):</b><ul>");
    for (CellResult m : cells) {
      h.append("<li><a href=\"#").append(Anchors.cell(m)).append("\">").append(esc(m.workload() + " " + m.implementation()))
          .append("</a> n=").append(esc(Numbers.size(m.size()))).append(m.threads() > 1 || threaded(m) ? " T=" + m.threads() : "")
          .append(": median ").append(esc(Durations.format(m.medianNs()))).append(", ").append(m.samplesByInvocation().size())
          .append(m.samplesByInvocation().size() == 1 ? " process, " : " processes, ").append(m.samplesNs().size()).append(" samples</li>");
    }
    h.append("</ul></div>\n");
  }

  private static boolean threaded(CellResult m) {
    return org.polybench.harness.workload.Workloads.find(m.workload()).map(w -> w.threaded()).orElse(false);
  }

  /** Links to the per-workload charts of the workloads the claim reads. */
  private static void restsOn(StringBuilder h, Outcome o, Map<String, String> charts) {
    List<String> names = new ArrayList<>();
    for (String w : o.spec().metric().workloads()) {
      for (String name : charts.keySet()) {
        if (name.startsWith(w + "-") && !names.contains(name)) names.add(name);
      }
    }
    if (names.isEmpty()) return;
    h.append("<p class=\"rests\"><b>Charts it rests on:</b> ");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) h.append(", ");
      h.append("<a href=\"#").append(Anchors.chart(names.get(i))).append("\">").append(esc(names.get(i))).append("</a>");
    }
    h.append("</p>\n");
  }

  private static void workload(StringBuilder h, WorkloadTable t, Map<String, String> charts) {
    h.append("<section class=\"workload\" id=\"").append(Anchors.workload(t.workload())).append("\"><h3>").append(esc(t.workload())).append("</h3>\n");
    if (!t.description().isEmpty()) h.append("<p>").append(esc(t.description())).append("; size in ").append(esc(t.sizeUnit())).append(".</p>\n");
    h.append("<h4>Median time per iteration (±95% CI half-width)</h4>\n");
    table(h, t, true);
    h.append("<h4>Factor vs fastest</h4>\n");
    table(h, t, false);
    for (Map.Entry<String, String> e : charts.entrySet()) {
      if (!e.getKey().startsWith(t.workload() + "-")) continue;
      String id = Anchors.chart(e.getKey());
      h.append("<figure class=\"xchart\" id=\"").append(id).append("\"><figcaption><a class=\"self\" href=\"#").append(id).append("\">")
          .append(esc(e.getKey())).append("</a></figcaption>").append(inline(e.getValue(), id)).append("</figure>\n");
    }
    h.append("</section>\n");
  }

  private static void table(StringBuilder h, WorkloadTable t, boolean times) {
    h.append("<div class=\"scroll\"><table><thead><tr><th>implementation</th><th>kind</th>");
    for (long size : t.sizes()) h.append("<th class=\"num\">").append(esc(Numbers.size(size))).append("</th>");
    h.append("</tr></thead><tbody>\n");
    for (WorkloadTable.Row r : t.rows()) {
      h.append("<tr").append(times ? " id=\"" + Anchors.cell(t.workload(), r.implementation(), r.threads()) + "\"" : "").append("><td><code>")
          .append(esc(r.label())).append("</code></td><td>").append(esc(r.kind())).append("</td>");
      for (long size : t.sizes()) {
        CellResult m = r.cell(size);
        String text = times ? Cells.time(m, true) : Cells.factor(t, r, size);
        String title = m != null && !m.usable() && m.error() != null ? " title=\"" + esc(m.error()) + "\"" : "";
        h.append("<td class=\"num").append(m != null && !m.usable() ? " bad" : "").append("\"").append(title).append(">").append(esc(text)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  /**
   * An SVG file's text without its XML prolog, scaled to the page, its ids prefixed so that the
   * clip paths of one chart never resolve to another's on the same page.
   */
  static String inline(String svg, String prefix) {
    String s = svg.replaceAll("\\bid=\"([^\"]+)\"", "id=\"" + prefix + "-$1\"")
        .replaceAll("url\\(#([^)]+)\\)", "url(#" + prefix + "-$1)")
        .replaceAll("href=\"#([^\"]+)\"", "href=\"#" + prefix + "-$1\"");
    s = s.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "").replaceFirst("^\\s*<!DOCTYPE[^>]*>", "").strip();
    if (!s.startsWith("<svg")) return "<p>(chart not readable)</p>";
    int end = s.indexOf('>');
    String open = s.substring(0, end);
    if (!open.contains("viewBox")) {
      java.util.regex.Matcher w = java.util.regex.Pattern.compile("\\swidth=\"([0-9.]+)(px)?\"").matcher(open);
      java.util.regex.Matcher hh = java.util.regex.Pattern.compile("\\sheight=\"([0-9.]+)(px)?\"").matcher(open);
      if (w.find() && hh.find()) open = open + " viewBox=\"0 0 " + w.group(1) + " " + hh.group(1) + "\"";
    }
    return open + " class=\"chart\"" + s.substring(end);
  }

  private static void provenance(StringBuilder h, RunRecord run) {
    h.append("<section id=\"provenance\"><h2>Machine and provenance</h2>\n<dl>");
    dd(h, "Run id", run.runId());
    for (RunInfo.Fact f : RunInfo.provenance(run)) {
      dd(h, f.label(), f.code() == null && f.text() == null ? "unknown" : (f.code() == null ? "" : f.code()) + (f.text() == null ? "" : f.text()));
    }
    if (run.settings() != null) {
      for (Map.Entry<String, Object> e : run.settings().entrySet()) dd(h, "Setting " + e.getKey(), RunInfo.describeValue(e.getValue()));
    }
    h.append("</dl></section>\n");
  }

  private static void dd(StringBuilder h, String k, String v) {
    h.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>\n");
  }

  private static String orUnknown(String s) {
    return s == null ? "unknown" : s;
  }

  private static final String CSS = """
      :root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--maybe:#9a6700;--info:#0969da}
      *{box-sizing:border-box}
      body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f8fa}
      header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
      header{padding-top:1rem}
      h1{font-size:1.6rem;margin:.5rem 0}
      h2{border-bottom:2px solid var(--line);padding-bottom:.25rem;margin-top:2.5rem}
      .sub{color:var(--muted);margin:.25rem 0}
      nav a{margin-right:1rem}
      a{color:var(--info)}
      code{font-size:.9em}
      .card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:.75rem 1rem;margin:1.25rem 0}
      .card.supported{border-left-color:var(--ok)} .card.refuted{border-left-color:var(--bad)}
      .card.inconclusive{border-left-color:var(--maybe)} .card.finding{border-left-color:var(--info)}
      .card h3{margin:.25rem 0;font-size:1.15rem;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
      a.self{color:inherit;text-decoration:none}
      blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);font-style:italic;font-size:1.1rem}
      .source,.statement{margin:.25rem 0}
      .source{color:var(--muted);font-size:.9rem}
      .badge{display:inline-block;padding:0 .55rem;border-radius:1rem;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#fff;background:var(--muted)}
      .badge.supported{background:var(--ok)} .badge.refuted{background:var(--bad)}
      .badge.inconclusive{background:var(--maybe)} .badge.finding{background:var(--info)}
      figure{margin:.75rem 0}
      svg.chart{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
      figcaption{font-size:.9rem;color:var(--muted)}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;background:#fff;font-size:.9rem;margin:.5rem 0}
      th,td{border:1px solid var(--line);padding:.25rem .5rem;vertical-align:top;text-align:left}
      td.num,th.num{text-align:right;white-space:nowrap}
      td.bad{color:var(--bad)}
      table.verdicts td.est{min-width:10rem;font-variant-numeric:tabular-nums}
      table.verdicts td:first-child{white-space:nowrap}
      tr:target{background:#fff8c5}
      .missing{color:var(--muted);font-size:.9rem}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;background:#fff;padding:.75rem;border:1px solid var(--line);border-radius:6px}
      dt{font-weight:600} dd{margin:0;overflow-wrap:anywhere}
      @media (max-width:40rem){body{font-size:15px} dl{grid-template-columns:1fr} dt{margin-top:.5rem}
        table.verdicts,table.verdicts tbody,table.verdicts tr,table.verdicts td{display:block;border:0}
        table.verdicts thead{display:none} table.verdicts tr{border-top:1px solid var(--line);padding:.4rem 0}
        table.verdicts td{padding:.1rem .5rem} table.verdicts td.est{font-weight:600}}
      @media print{body{background:#fff} nav{display:none} .card,figure{break-inside:avoid} details{display:block} a{color:inherit}
        .card{border:1px solid #999;border-left-width:6px}}
      """;
}
