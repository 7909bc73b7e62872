package org.polybench.harness.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.polybench.harness.UserError;
import org.polybench.harness.compare.CellKey;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.RunInfo;

/**
 * The history of runs, in SQL through JDBC: SQLite as the embedded default (one file) and
 * PostgreSQL for a history shared by many CI machines, with the same statements (portable SQL
 * only). The schema is versioned ({@link #SCHEMA_VERSION}, table schema_info) and documented in
 * docs/history.md; a store of another version is refused rather than misread.
 */
public final class HistoryStore implements AutoCloseable {
  public static final int SCHEMA_VERSION = 1;
  /** The metric of a wall-clock time per call, in ns. */
  public static final String TIME_NS = "time_ns";
  /** The metric of ./bench run --instructions: instructions per kernel call (callgrind). */
  public static final String INSTRUCTIONS = "instructions";

  private static final List<String> SCHEMA = List.of(
      "CREATE TABLE schema_info (version INTEGER NOT NULL)",
      "CREATE TABLE runs (run_key VARCHAR(200) PRIMARY KEY, run_id VARCHAR(200) NOT NULL, started_at VARCHAR(40),"
          + " commit_sha VARCHAR(64), dirty INTEGER NOT NULL, machine VARCHAR(400) NOT NULL, seed VARCHAR(40),"
          + " quick INTEGER NOT NULL, source VARCHAR(1000), added_at VARCHAR(40) NOT NULL)",
      "CREATE TABLE cells (run_key VARCHAR(200) NOT NULL REFERENCES runs (run_key), workload VARCHAR(100) NOT NULL,"
          + " implementation VARCHAR(200) NOT NULL, size BIGINT NOT NULL, threads INTEGER NOT NULL, metric VARCHAR(40) NOT NULL,"
          + " status VARCHAR(20) NOT NULL, verified INTEGER NOT NULL, median DOUBLE PRECISION, ci_low DOUBLE PRECISION,"
          + " ci_high DOUBLE PRECISION, samples INTEGER NOT NULL,"
          + " PRIMARY KEY (run_key, workload, implementation, size, threads, metric))");

  private final Connection db;
  private final String url;

  private HistoryStore(Connection db, String url) {
    this.db = db;
    this.url = url;
  }

  /** A JDBC URL, or a file path for SQLite. */
  public static String url(String dbOrPath) {
    return dbOrPath.startsWith("jdbc:") ? dbOrPath : "jdbc:sqlite:" + dbOrPath;
  }

  /** Opens (and on first use creates) the history at a JDBC URL. */
  public static HistoryStore open(String url) {
    Connection c;
    try {
      c = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new UserError("cannot open the history at " + url + ": " + e.getMessage()
          + " (give --db a file path for SQLite, or a jdbc:postgresql://host/db?user=...&password=... URL)");
    }
    HistoryStore s = new HistoryStore(c, url);
    s.migrate();
    return s;
  }

  private void migrate() {
    try {
      boolean exists;
      try (ResultSet t = db.getMetaData().getTables(null, null, "schema_info", null)) {
        exists = t.next();
      }
      if (!exists) {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
          for (String sql : SCHEMA) st.execute(sql);
          st.execute("INSERT INTO schema_info (version) VALUES (" + SCHEMA_VERSION + ")");
        }
        db.commit();
        db.setAutoCommit(true);
        return;
      }
      try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT version FROM schema_info")) {
        int v = r.next() ? r.getInt(1) : -1;
        if (v != SCHEMA_VERSION) {
          throw new UserError("the history at " + url + " has schema version " + v + ", this polybench reads version "
              + SCHEMA_VERSION + ": use a polybench of that version, or start a new history with --db");
        }
      }
    } catch (SQLException e) {
      throw new UserError("the history at " + url + " cannot be read or created: " + e.getMessage());
    }
  }

  /**
   * What identifies a run in a history shared by machines: its id (a start time, which two CI
   * machines may share) and a digest of its machine.
   */
  public static String runKey(RunRecord run) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(RunInfo.machine(run).getBytes(StandardCharsets.UTF_8));
      return run.runId() + "@" + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends a run; false (and nothing written) when it is already there. */
  public boolean add(RunRecord run, String source) throws SQLException {
    return add(run, source, java.util.Map.of());
  }

  /** Appends a run with its instruction counts (cells of ./bench run --instructions), stored as metric 'instructions'. */
  public boolean add(RunRecord run, String source, java.util.Map<CellKey, Double> instructions) throws SQLException {
    String key = runKey(run);
    try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM runs WHERE run_key = ?")) {
      q.setString(1, key);
      try (ResultSet r = q.executeQuery()) {
        if (r.next()) return false;
      }
    }
    db.setAutoCommit(false);
    try {
      try (PreparedStatement ins = db.prepareStatement(
          "INSERT INTO runs (run_key, run_id, started_at, commit_sha, dirty, machine, seed, quick, source, added_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ins.setString(1, key);
        ins.setString(2, run.runId());
        ins.setString(3, run.startedAt());
        ins.setString(4, RunInfo.gitCommit(run));
        ins.setInt(5, RunInfo.gitDirty(run) ? 1 : 0);
        ins.setString(6, RunInfo.machine(run));
        ins.setString(7, run.settings() == null ? null : RunInfo.str(run.settings(), "seed"));
        ins.setInt(8, run.settings() != null && Boolean.TRUE.equals(run.settings().get("quick")) ? 1 : 0);
        ins.setString(9, source);
        ins.setString(10, Instant.now().toString());
        ins.executeUpdate();
      }
      try (PreparedStatement ins = db.prepareStatement(
          "INSERT INTO cells (run_key, workload, implementation, size, threads, metric, status, verified, median, ci_low, ci_high, samples)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (CellResult m : run.measurements()) {
          boolean usable = m.usable();
          addCell(ins, key, new CellKey(m.workload(), m.implementation(), m.size(), m.threads()), TIME_NS,
              m.status() == null ? "unknown" : m.status().json(), m.verified(),
              usable ? m.medianNs() : null, usable ? m.ciLowNs() : null, usable ? m.ciHighNs() : null,
              m.samplesNs() == null ? 0 : m.samplesNs().size());
        }
        for (var e : instructions.entrySet()) {
          // counted only for cells verified in the same run
          addCell(ins, key, e.getKey(), INSTRUCTIONS, "ok", true, e.getValue(), null, null, 1);
        }
        ins.executeBatch();
      }
      db.commit();
      return true;
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** One row of {@code cells}, in the column order of the INSERT above. */
  private static void addCell(PreparedStatement ins, String runKey, CellKey k, String metric, String status,
      boolean verified, Number median, Long ciLow, Long ciHigh, int samples) throws SQLException {
    ins.setString(1, runKey);
    ins.setString(2, k.workload());
    ins.setString(3, k.implementation());
    ins.setLong(4, k.size());
    ins.setInt(5, k.threads());
    ins.setString(6, metric);
    ins.setString(7, status);
    ins.setInt(8, verified ? 1 : 0);
    if (median == null) ins.setNull(9, java.sql.Types.DOUBLE);
    else ins.setDouble(9, median.doubleValue());
    setDouble(ins, 10, ciLow);
    setDouble(ins, 11, ciHigh);
    ins.setInt(12, samples);
    ins.addBatch();
  }

  private static void setDouble(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) p.setNull(i, java.sql.Types.DOUBLE);
    else p.setDouble(i, v.doubleValue());
  }

  /** One run's verified value of one cell. */
  public record Point(CellKey cell, String metric, String machine, String runKey, String runId, String startedAt,
      String commit, boolean dirty, double median, Double ciLow, Double ciHigh) {}

  /** Every verified value, ordered by machine, cell, then start time (the order of a trend). */
  public List<Point> points() throws SQLException {
    List<Point> out = new ArrayList<>();
    String sql = "SELECT c.workload, c.implementation, c.size, c.threads, c.metric, r.machine, r.run_key, r.run_id, r.started_at,"
        + " r.commit_sha, r.dirty, c.median, c.ci_low, c.ci_high FROM cells c JOIN runs r ON r.run_key = c.run_key"
        + " WHERE c.verified = 1 AND c.status = 'ok' AND c.median IS NOT NULL"
        + " ORDER BY r.machine, c.workload, c.implementation, c.size, c.threads, c.metric, r.started_at, r.run_key";
    try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(sql)) {
      while (r.next()) {
        out.add(new Point(new CellKey(r.getString(1), r.getString(2), r.getLong(3), r.getInt(4)), r.getString(5), r.getString(6),
            r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getInt(11) == 1, r.getDouble(12),
            nullableDouble(r, 13), nullableDouble(r, 14)));
      }
    }
    return out;
  }

  private static Double nullableDouble(ResultSet r, int i) throws SQLException {
    double v = r.getDouble(i);
    return r.wasNull() ? null : v;
  }

  /** The number of runs held. */
  public int runs() throws SQLException {
    try (Statement st = db.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM runs")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  public String describe() {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
