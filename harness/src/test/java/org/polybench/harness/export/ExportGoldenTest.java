package org.polybench.harness.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.cli.Main;
import org.polybench.harness.output.Outputs;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/**
 * The exports are sealed by golden files (of FakeRuns.small()), and checked for what their
 * readers need: every cell a CSV row, only verified cells with numbers in the dashboards' formats.
 * After an intended change: {@code mvn -pl workloads,harness test -Dtest=ExportGoldenTest -Dgolden.update=true}.
 */
class ExportGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private static void golden(FileExport e) throws Exception {
    String actual = e.render(FakeRuns.small());
    String name = "golden/export/" + e.fileName();
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources").resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      System.out.println("updated " + file);
      return;
    }
    try (InputStream in = ExportGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " missing: run with -Dgolden.update=true to create it");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
          e.fileName() + " changed: if intended, rerun with -Dgolden.update=true");
    }
  }

  @Test
  void everyExportMatchesItsGoldenFile() throws Exception {
    for (FileExport e : Outputs.exports()) golden(e);
  }

  private static Set<String> usableNames(RunRecord r) {
    Set<String> s = new TreeSet<>();
    r.usable().forEach(m -> s.add(FileExport.benchmarkName(m)));
    return s;
  }

  @Test
  void bencherHasEveryVerifiedCellWithTheCiAsBounds() throws Exception {
    RunRecord run = FakeRuns.small();
    JsonNode n = JSON.readTree(new BencherExport().render(run));
    Set<String> names = new TreeSet<>();
    n.fieldNames().forEachRemaining(names::add);
    assertEquals(usableNames(run), names);
    for (CellResult m : run.usable()) {
      JsonNode lat = n.get(FileExport.benchmarkName(m)).get("latency");
      assertEquals(m.medianNs().doubleValue(), lat.get("value").asDouble());
      assertEquals(m.ciLowNs().doubleValue(), lat.get("lower_value").asDouble());
      assertEquals(m.ciHighNs().doubleValue(), lat.get("upper_value").asDouble());
    }
    assertTrue(!names.contains("dot/java/scalar/1000"), "an invalid cell has no number");
  }

  @Test
  void githubActionBenchmarkIsCustomSmallerIsBetter() throws Exception {
    RunRecord run = FakeRuns.small();
    JsonNode n = JSON.readTree(new GithubActionBenchmarkExport().render(run));
    assertTrue(n.isArray());
    Set<String> names = new TreeSet<>();
    for (JsonNode e : n) {
      names.add(e.get("name").asText());
      assertEquals("ns", e.get("unit").asText());
      assertTrue(e.get("value").isNumber());
      assertTrue(e.get("range").asText().startsWith("± "), e.toString());
      assertTrue(e.get("extra").asText().contains("95% CI"), e.toString());
    }
    assertEquals(usableNames(run), names);
  }

  @Test
  void csvHasOneRowPerCellAndQuotesWhatNeedsIt() {
    RunRecord run = FakeRuns.small();
    List<List<String>> rows = parse(new CsvExport().render(run));
    assertEquals(CsvExport.HEADER, rows.get(0));
    assertEquals(run.measurements().size(), rows.size() - 1);
    int err = CsvExport.HEADER.indexOf("error");
    int median = CsvExport.HEADER.indexOf("median_ns");
    for (int i = 0; i < run.measurements().size(); i++) {
      CellResult m = run.measurements().get(i);
      assertEquals(m.error() == null ? "" : m.error(), rows.get(i + 1).get(err), "the error survives quoting, line breaks included");
      assertEquals(m.usable() ? m.medianNs().toString() : "", rows.get(i + 1).get(median));
    }
  }

  @Test
  void runRefusesAnUnknownExportBeforeMeasuring() {
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", "--workloads", "dot", "--export", "bencher,xml", "--no-build");
    assertEquals(2, exit, err.toString());
    assertTrue(err.toString().contains("unknown export format 'xml'"), err.toString());
  }

  /** A small RFC 4180 reader, written from the RFC, to read the export back. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { f.append('"'); i++; }
        else if (c == '"') quoted = false;
        else f.append(c);
      } else if (c == '"') quoted = true;
      else if (c == ',') { row.add(f.toString()); f.setLength(0); }
      else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i++;
      } else f.append(c);
    }
    return rows;
  }

  @Test
  void exportCommandWritesIntoTheRunFolder() throws Exception {
    Path dir = tmp.resolve("run");
    new ResultsStore(dir).save(FakeRuns.small());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "export", "--format", "bencher,github-action-benchmark", dir.toString());
    assertEquals(0, exit, err.toString());
    assertEquals(new BencherExport().render(ResultsStore.load(dir.resolve("results.json"))), Files.readString(dir.resolve("bencher.json")));
    assertTrue(Files.isRegularFile(dir.resolve("github-action-benchmark.json")));

    StringWriter err2 = new StringWriter();
    assertEquals(2, Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "export", "--format", "xml", dir.toString()));
    assertTrue(err2.toString().contains("choose csv, github-action-benchmark, bencher"), err2.toString());
  }
}
