package org.polybench.harness.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.UserError;
import org.polybench.harness.cli.Main;
import org.polybench.harness.report.FakeRuns;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** The history store (SQLite), its report and the CLI; PostgreSQL in {@link PostgresHistoryTest}. */
class HistoryTest {
  @TempDir Path tmp;

  /** Run {@code i} of a nightly series: dot rust/naive 1e6 gets 40% slower from run {@code stepAt} on. */
  static RunRecord nightly(int i, int stepAt) {
    Random rnd = new Random(100 + i);
    List<CellResult> ms = new ArrayList<>();
    for (String impl : List.of("rust/naive", "python/numpy")) {
      double level = impl.equals("rust/naive") && i >= stepAt ? 1.4e6 : 1.0e6;
      List<Long> s = new ArrayList<>();
      for (int k = 0; k < 10; k++) s.add(Math.round(level * (1 + 0.01 * rnd.nextGaussian())));
      ms.add(FakeRuns.ok("dot", impl, 1_000_000, s));
    }
    ms.add(FakeRuns.invalid("dot", "java/scalar", 1_000_000, "checksum 2 differs from the reference 1", List.of(5L, 6L, 7L)));
    Map<String, Object> env = new LinkedHashMap<>(FakeRuns.environment());
    env.put("git", Map.of("commit", String.format("%040x", 0xabc000 + i), "dirty", false));
    return new RunRecord(RunRecord.SCHEMA_VERSION, "run-" + i, String.format("2025-11-%02dT02:00:00Z", i + 1), null,
        List.of("bench", "run"), FakeRuns.settings(List.of(1_000_000L)), env, ms);
  }

  @Test
  void addingTwiceKeepsOneCopyAndOnlyVerifiedCellsHaveValues() throws Exception {
    String url = HistoryStore.url(tmp.resolve("h.sqlite").toString());
    try (HistoryStore h = HistoryStore.open(url)) {
      assertTrue(h.add(nightly(0, 99), "a"));
      assertFalse(h.add(nightly(0, 99), "a"), "the same run is not added twice");
      assertTrue(h.add(nightly(1, 99), "b"));
      assertEquals(2, h.runs());
      List<HistoryStore.Point> pts = h.points();
      assertEquals(4, pts.size(), "2 runs x 2 verified cells; the invalid cell has no value");
      CellResult stored = nightly(0, 99).measurements().get(0);
      HistoryStore.Point p = pts.stream().filter(x -> x.runId().equals("run-0") && x.cell().implementation().equals("rust/naive"))
          .findFirst().orElseThrow();
      assertEquals(stored.medianNs().doubleValue(), p.median());
      assertEquals(stored.ciLowNs().doubleValue(), p.ciLow());
      assertEquals(String.format("%040x", 0xabc000), p.commit());
    }
  }

  @Test
  void aStoreOfAnotherSchemaVersionIsRefused() throws Exception {
    String url = HistoryStore.url(tmp.resolve("old.sqlite").toString());
    HistoryStore.open(url).close();
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      st.execute("UPDATE schema_info SET version = 99");
    }
    UserError e = assertThrows(UserError.class, () -> HistoryStore.open(url));
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
  }

  @Test
  void reportFindsTheStepWithItsCommitAndDrawsEachTrend() throws Exception {
    String url = HistoryStore.url(tmp.resolve("h.sqlite").toString());
    try (HistoryStore h = HistoryStore.open(url)) {
      for (int i = 0; i < 12; i++) h.add(nightly(i, 6), "n" + i);
      List<Trend> trends = HistoryReport.trends(h.points(), EDivisive.defaults());
      assertEquals(2, trends.size());
      Trend rust = trends.stream().filter(t -> t.cell().implementation().equals("rust/naive")).findFirst().orElseThrow();
      assertEquals(1, rust.changes().size(), rust.changes().toString());
      Trend.Change c = rust.changes().get(0);
      assertEquals("run-6", c.run().runId());
      assertEquals(1.4, c.ratio(), 0.03);
      assertTrue(trends.stream().filter(t -> t != rust).allMatch(t -> t.changes().isEmpty()));
      Path report = HistoryReport.write(trends, h.describe(), h.runs(), tmp.resolve("out"));
      String md = Files.readString(report);
      assertTrue(md.contains("**dot rust/naive 1,000,000**") && md.contains(String.format("%040x", 0xabc006)), md);
      try (var files = Files.list(tmp.resolve("out/charts"))) {
        List<Path> pngs = files.toList();
        assertEquals(2, pngs.size());
        for (Path p : pngs) assertTrue(ImageIO.read(p.toFile()).getWidth() >= 1000, p.toString());
      }
    }
  }

  @Test
  void cliAddsTwiceAndReports() throws Exception {
    String db = tmp.resolve("cli.sqlite").toString();
    for (int i = 0; i < 2; i++) {
      new ResultsStore(tmp.resolve("r" + i)).save(nightly(i, 99));
      Files.writeString(tmp.resolve("r" + i).resolve("instructions.json"), "{\"cells\": [{\"workload\": \"dot\", \"implementation\": \"rust/naive\","
          + " \"size\": 1000000, \"threads\": 1, \"instructions_per_call\": " + (4_000_000 + i) + "}]}");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "history", "add", "--db", db, tmp.resolve("r0").toString(), tmp.resolve("r1").toString()), err.toString());
    assertTrue(out.toString().contains("added run run-1") && out.toString().contains("2 runs in all"), out.toString());
    assertTrue(out.toString().contains("1 instruction counts"), out.toString());
    assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "history", "report", "--db", db, "--out", tmp.resolve("rep").toString()), err.toString());
    String md = Files.readString(tmp.resolve("rep/report.md"));
    assertTrue(md.contains("a change needs at least 6 runs"), md);
    assertTrue(md.contains("| dot rust/naive 1,000,000 (instructions) |") && md.contains("4,000,001 instructions"), md);
    assertEquals(2, Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "history", "add", "--db", db, tmp.resolve("missing").toString()));
  }
}
