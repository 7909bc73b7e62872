package org.polybench.harness.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polybench.harness.UserError;

class RegistryTest {
  /** The ids of ../shared/CLAIMS.md's table, in its order: the registry must answer each one. */
  static final List<String> CLAIMS_MD = List.of(
      "loops-tens-to-hundreds", "orders-of-magnitude", "numpy-closes-gap", "pyo3-normalize", "ffi-crossover",
      "hf-tokenizers", "gil-threads", "multiprocessing-workaround", "rust-true-parallelism", "memory-efficiency",
      "gc-pauses", "startup", "free-threading");

  @Test
  void theBuiltInRegistryHasAnEntryForEveryClaimOfClaimsMd() {
    Registry r = Registry.builtIn();
    List<String> ids = r.claims().stream().map(ClaimSpec::id).toList();
    assertEquals(CLAIMS_MD, ids.subList(0, CLAIMS_MD.size()), "the 13 claims first, in CLAIMS.md's order");
    for (String id : CLAIMS_MD) {
      ClaimSpec c = r.find(id);
      assertFalse(c.quote().isBlank(), id + " quotes its article");
      assertFalse(c.articles().isEmpty(), id + " names its article");
      assertFalse(c.mapping().isBlank(), id + " says how the words become numbers");
      if (!id.equals("ffi-crossover")) {
        assertEquals("claim", c.type(), id);
        assertNotNull(c.range(), id + " has a range");
      }
    }
    assertEquals("finding", r.find("ffi-crossover").type(), "CLAIMS.md: a finding, charted, no verdict");
    assertTrue(r.claims().stream().filter(ClaimSpec::isFinding).count() >= 4, "findings beyond the articles are listed too");
    assertTrue(r.articles().get("A").startsWith("Rust vs Python for AI"), r.articles().toString());
  }

  @Test
  void theRangesAreTheOnesClaimsMdStates() {
    Registry r = Registry.builtIn();
    assertEquals(new ClaimSpec.RangeSpec(10.0, 1000.0, false), r.find("loops-tens-to-hundreds").range());
    assertEquals(new ClaimSpec.RangeSpec(100.0, null, false), r.find("orders-of-magnitude").range());
    assertEquals(new ClaimSpec.RangeSpec(null, 2.0, false), r.find("numpy-closes-gap").range());
    assertEquals(new ClaimSpec.RangeSpec(2.0, null, false), r.find("pyo3-normalize").range());
    assertEquals(new ClaimSpec.RangeSpec(null, 1.2, false), r.find("gil-threads").range());
    assertEquals(new ClaimSpec.RangeSpec(0.6, null, true), r.find("multiprocessing-workaround").range());
    assertEquals(new ClaimSpec.RangeSpec(0.75, null, true), r.find("rust-true-parallelism").range());
    assertEquals(new ClaimSpec.RangeSpec(0.6, null, true), r.find("free-threading").range());
    assertEquals(new ClaimSpec.RangeSpec(5.0, null, false), r.find("startup").range());
    assertEquals(new ClaimSpec.RangeSpec(null, 10_000_000.0, false), r.find("startup").also().get(0).range(), "rust <= 10 ms");
  }

  @Test
  void aBadEntryIsRefusedNamingTheEntryAndTheKey() throws Exception {
    ObjectMapper om = new ObjectMapper();
    String base = "{\"articles\":{\"A\":\"t\"},\"claims\":[{\"id\":\"x\",\"type\":\"claim\",\"articles\":[\"A\"],\"quote\":\"q\","
        + "\"statement\":\"s\",\"mapping\":\"m\",\"metric\":%s,\"range\":%s}]}";
    String ratio = "{\"kind\":\"time-ratio\",\"workloads\":[\"dot\"],\"numerators\":[\"python/pure\"],\"denominator\":\"rust/*\"}";
    UserError noRange = assertThrows(UserError.class, () -> Registry.parse(om.readTree(base.formatted(ratio, "null")), "t.json"));
    assertTrue(noRange.getMessage().contains("claim 'x'") && noRange.getMessage().contains("range"), noRange.getMessage());
    UserError kind = assertThrows(UserError.class, () -> Registry.parse(om.readTree(base.formatted(ratio.replace("time-ratio", "vibes"), "{\"low\":2}")), "t.json"));
    assertTrue(kind.getMessage().contains("metric kind 'vibes'"), kind.getMessage());
    UserError impl = assertThrows(UserError.class, () -> Registry.parse(om.readTree(base.formatted(ratio.replace("python/pure", "Python Pure"), "{\"low\":2}")), "t.json"));
    assertTrue(impl.getMessage().contains("'Python Pure' is not an implementation"), impl.getMessage());
    UserError bounds = assertThrows(UserError.class, () -> Registry.parse(om.readTree(base.formatted(ratio, "{\"low\":5,\"high\":2}")), "t.json"));
    assertTrue(bounds.getMessage().contains("low must be below high"), bounds.getMessage());
    UserError dup = assertThrows(UserError.class, () -> Registry.parse(om.readTree(
        base.formatted(ratio, "{\"low\":2}").replace("}]}", "},{\"id\":\"x\",\"statement\":\"s\",\"mapping\":\"m\",\"metric\":" + ratio + ",\"range\":{\"low\":2}}]}")), "t.json"));
    assertTrue(dup.getMessage().contains("appears twice"), dup.getMessage());
  }
}
