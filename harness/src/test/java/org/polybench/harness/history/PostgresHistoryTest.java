package org.polybench.harness.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same history code against a real PostgreSQL server that the test starts (initdb in a
 * temporary folder, trust authentication on 127.0.0.1, a free port), and stops. Skipped, saying
 * why, when no PostgreSQL server binaries are installed (apt-get install postgresql).
 */
class PostgresHistoryTest {
  private static Path dir;
  private static Path pgBin;
  private static int port;
  private static List<String> asUser = List.of();

  @BeforeAll
  static void startServer() throws Exception {
    pgBin = findBin();
    Assumptions.assumeTrue(pgBin != null,
        "PostgreSQL test skipped: no initdb/pg_ctl found (looked in /usr/lib/postgresql/*/bin and PATH); apt-get install postgresql to run it");
    dir = Files.createTempDirectory("polybench-pg");
    // initdb refuses to run as root: run the server as the postgres user then
    if ("root".equals(System.getProperty("user.name"))) {
      Assumptions.assumeTrue(run(List.of("id", "postgres")) == 0, "PostgreSQL test skipped: running as root and no 'postgres' user to run the server as");
      asUser = List.of("runuser", "-u", "postgres", "--");
      run(List.of("chown", "postgres", dir.toString()));
    }
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertEquals(0, run(cmd(pgBin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "bench", "--no-sync")), "initdb");
    assertEquals(0, run(cmd(pgBin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start")), "pg_ctl start");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (dir != null && pgBin != null) run(cmd(pgBin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "stop"));
    if (dir != null) {
      try (var all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> cmd(String... args) {
    List<String> c = new ArrayList<>(asUser);
    c.addAll(List.of(args));
    return c;
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  private static Path findBin() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (var versions = Files.list(lib)) {
        for (Path v : versions.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/pg_ctl"))) return v.resolve("bin");
        }
      }
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, "initdb")) && Files.isExecutable(Path.of(d, "pg_ctl"))) return Path.of(d);
    }
    return null;
  }

  @Test
  void theHistoryWorksAgainstARealServer() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=bench";
    try (HistoryStore h = HistoryStore.open(url)) {
      for (int i = 0; i < 8; i++) assertTrue(h.add(HistoryTest.nightly(i, 4), "n" + i));
      assertFalse(h.add(HistoryTest.nightly(0, 4), "again"));
      assertEquals(8, h.runs());
      List<Trend> trends = HistoryReport.trends(h.points(), EDivisive.defaults());
      Trend rust = trends.stream().filter(t -> t.cell().implementation().equals("rust/naive")).findFirst().orElseThrow();
      assertEquals(List.of("run-4"), rust.changes().stream().map(c -> c.run().runId()).toList());
    }
    // reopening finds the schema it made
    try (HistoryStore h = HistoryStore.open(url)) {
      assertEquals(8, h.runs());
    }
  }
}
