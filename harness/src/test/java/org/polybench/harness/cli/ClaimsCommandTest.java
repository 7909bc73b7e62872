package org.polybench.harness.cli;

import static org.polybench.harness.cli.Bench.bench;

import org.polybench.harness.cli.Bench.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.claims.ClaimRuns;
import org.polybench.harness.claims.Registry;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** ./bench claims through the real parser: verdicts from a results.json alone. */
class ClaimsCommandTest {

  private static Path saved(Path dir) throws Exception {
    RunRecord run = ClaimRuns.run(ClaimRuns.vectors(300));
    ResultsStore store = new ResultsStore(dir);
    store.save(run);
    return dir;
  }

  @Test
  void reproducesTheVerdictsFromResultsJsonAlone(@TempDir Path dir) throws Exception {
    Result r = bench("claims", saved(dir).toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("loops-tens-to-hundreds: SUPPORTED"), r.out());
    assertTrue(r.out().contains("startup: INCONCLUSIVE"), r.out());
    assertTrue(r.out().contains("claims: verdicts"), "ends with the verdict table: " + r.out());
  }

  @Test
  void addingAClaimIsAddingAnEntry(@TempDir Path dir) throws Exception {
    ObjectMapper om = new ObjectMapper();
    ObjectNode reg;
    try (InputStream in = Registry.class.getResourceAsStream(Registry.RESOURCE)) {
      reg = (ObjectNode) om.readTree(in);
    }
    ObjectNode c = ((ArrayNode) reg.get("claims")).addObject();
    c.put("id", "numpy-within-2x-of-rust-ext").put("type", "claim").put("quote", "NumPy is as fast as a hand-written extension")
        .put("statement", "NumPy is about as fast as our PyO3 kernel at 1e6 elements.")
        .put("mapping", "within 2x either way").putArray("articles").add("E");
    ObjectNode m = c.putObject("metric").put("kind", "time-ratio").put("denominator", "python/numpy");
    m.putArray("workloads").add("dot");
    m.putArray("numerators").add("python/rust-ext");
    m.putObject("sizes").put("exact", 1_000_000);
    c.putObject("range").put("low", 0.5).put("high", 2);
    Path file = dir.resolve("my-claims.json");
    om.writeValue(file.toFile(), reg);
    // the fixture's rust-ext is 20x python/numpy: the new claim must come out refuted, from data alone
    Result r = bench("claims", saved(dir.resolve("run")).toString(), "--registry", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("numpy-within-2x-of-rust-ext: REFUTED"), r.out());
    assertTrue(r.out().contains("dot n=1,000,000: python/rust-ext / python/numpy = 20.0x"), r.out());
  }

  @Test
  void aMissingRunFolderOrRegistryIsAUserError(@TempDir Path dir) throws Exception {
    Result none = bench("claims", dir.resolve("nope").toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("nope: no such run (give a run folder holding results.json"), none.err());
    Result reg = bench("claims", saved(dir).toString(), "--registry", dir.resolve("missing.json").toString());
    assertEquals(2, reg.exit());
    assertTrue(reg.err().contains("no claims registry at"), reg.err());
  }
}
