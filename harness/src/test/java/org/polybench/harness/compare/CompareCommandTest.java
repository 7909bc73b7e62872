package org.polybench.harness.compare;

import static org.polybench.harness.cli.Bench.bench;

import org.polybench.harness.cli.Bench.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;

/** ./bench compare through the real parser, on run folders written to disk. */
class CompareCommandTest {
  @TempDir Path tmp;


  private String save(String name, RunRecord r) {
    Path dir = tmp.resolve(name);
    new ResultsStore(dir).save(r);
    return dir.toString();
  }

  @Test
  void sameCodeExitsZeroWithATableOfNoChange() {
    Result r = bench("compare", save("a", CompareRuns.run("a", 1)), save("b", CompareRuns.run("b", 2)));
    assertEquals(0, r.exit(), r.err() + r.out());
    assertTrue(r.out().contains("dot python/pure 1,000,000"), r.out());
    assertTrue(r.out().contains("no regression beyond 5%; 0 faster, 12 unchanged of 12 compared"), r.out());
  }

  @Test
  void oneCellScaledByHalfAgainExitsOneAndNamesIt() throws Exception {
    String a = save("a", CompareRuns.run("a", 1));
    String b = save("b", CompareRuns.run("b", 2, 20, k -> k.equals(new CellKey("dot", "java/scalar", 1_000, 1)) ? 1.5 : 1.0));
    Result r = bench("compare", a, b + "/results.json");
    assertEquals(1, r.exit(), r.err() + r.out());
    assertTrue(r.out().contains("1 regression beyond 5%: dot java/scalar 1,000 (+"), r.out());

    Result json = bench("compare", "--format", "json", a, b);
    assertEquals(1, json.exit());
    JsonNode n = new ObjectMapper().readTree(json.out());
    assertEquals("dot java/scalar 1,000", n.get("regressions").get(0).asText());
    assertEquals(12, n.get("cells").size());

    Result md = bench("compare", "--format", "markdown", "--threshold", "60%", a, b);
    assertEquals(0, md.exit(), "a 50% change is under a 60% threshold");
    assertTrue(md.out().contains("| cell | base | new | change | 95% CI | p (corr.) | verdict |"), md.out());
  }

  private static String counts(double rustNaive) {
    return """
        {"schema_version": 1, "cells": [
          {"workload": "dot", "implementation": "rust/naive", "size": 1000, "threads": 1, "instructions_per_call": %s},
          {"workload": "dot", "implementation": "python/pure", "size": 1000, "threads": 1, "instructions_per_call": 500578.0},
          {"workload": "dot", "implementation": "java/scalar", "size": 1000, "threads": 1, "reason": "not counted: JIT-compiled (HotSpot)"}
        ]}
        """.formatted(rustNaive);
  }

  @Test
  void instructionCountsAreComparedByThresholdAlone() throws Exception {
    String a = save("a", CompareRuns.run("a", 1));
    String b = save("b", CompareRuns.run("b", 2));
    java.nio.file.Files.writeString(Path.of(a, "instructions.json"), counts(4100.0));
    java.nio.file.Files.writeString(Path.of(b, "instructions.json"), counts(4100.0 * 1.10));
    Result r = bench("compare", "--metric", "instructions", a, b);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("1 regression beyond 5%: dot rust/naive 1,000 (+10%)"), r.out());
    assertTrue(r.out().contains("dot java/scalar 1,000: base: not counted: JIT-compiled (HotSpot)"), r.out());
    assertTrue(r.out().contains("500,578"), r.out());
    java.nio.file.Files.writeString(Path.of(b, "instructions.json"), counts(4100.0 * 1.0004));
    assertEquals(0, bench("compare", "--metric", "instructions", a, b).exit(), "0.04% is no change");
    Result none = bench("compare", "--metric", "instructions", a, save("c", CompareRuns.run("c", 3)));
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("./bench run --instructions"), none.err());
  }

  @Test
  void badInputExitsTwoWithTheFix() {
    String a = save("a", CompareRuns.run("a", 1));
    Result missing = bench("compare", a, tmp.resolve("nope").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such run"), missing.err());
    Result fmt = bench("compare", "--format", "xml", a, a);
    assertEquals(2, fmt.exit());
    assertTrue(fmt.err().contains("console, markdown, json"), fmt.err());
    Result thr = bench("compare", "--threshold", "five", a, a);
    assertEquals(2, thr.exit());
    Result machine = bench("compare", a, save("m", CompareRuns.onMachine(CompareRuns.run("m", 2), "Apple M2")));
    assertEquals(2, machine.exit());
    assertTrue(machine.err().contains("--allow-different-machines"), machine.err());
  }
}
