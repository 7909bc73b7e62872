package org.polybench.graalpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polybench.workloads.SplitMix64;

/**
 * The GraalPy runner against the protocol: bad arguments, missing Python code, the inputs, the
 * JSON, and the JIT/interpreter label. Small sizes; one GraalPy context in this JVM and one runner
 * process started the way the harness starts it.
 */
class GraalPyRunnerTest {
  static Path root() {
    return Path.of(System.getProperty("polybench.root", "..")).toAbsolutePath().normalize();
  }

  static Path pythonWorkloads() {
    return root().resolve("python-workloads");
  }

  record Result(int exit, String out, String err) {}

  static Result inProcess(Path pythonPath, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = GraalPyRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        pythonPath, Inputs.Source.JAVA);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--variant graalpy --size 10                                       | Missing required option: '--workload",
    "--workload dot --variant pure --size 10                           | --variant: unknown variant 'pure'",
    "--workload tokenize --variant graalpy --size 10                   | --workload: unknown workload 'tokenize'; known: dot, normalize, binary-trees",
    "--workload binary-trees --variant graalpy-loop --size 10          | --variant: unknown variant 'graalpy-loop'",
    "--workload dot --variant graalpy --size -1                        | --size must be an integer from 0",
    "--workload dot --variant graalpy --size ten                       | --size must be an integer from 0",
    "--workload dot --variant graalpy --size 10 --iterations 0         | --iterations must be an integer >= 1",
    "--workload dot --variant graalpy --size 10 --seed 18446744073709551616 | --seed must be an unsigned 64-bit integer",
    "--workload dot --variant graalpy --size 10 --input x.txt          | --input: workload dot generates its input",
    "--workload dot --variant graalpy --size 10 --bogus 1              | Unknown options: '--bogus'",
    "--workload dot --variant graalpy --size                           | Missing required parameter for option '--size'",
  })
  void badArgumentsExit2WithOneLineNamingTheFlag(String args, String message) {
    Result r = inProcess(pythonWorkloads(), args.trim().split("\\s+"));
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @Test
  void missingPythonWorkloadsIsAClearFailure(@TempDir Path tmp) {
    Result r = inProcess(tmp.resolve("no-such-dir"), "--workload", "dot", "--variant", "graalpy", "--size", "10");
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains(tmp.resolve("no-such-dir/polybench/dot.py").toString()), r.err());
    assertTrue(r.err().contains("-D" + GraalPyRunner.PYTHON_PATH_PROPERTY + "="), r.err());
  }

  @Test
  void aScriptPathWithoutTheWorkloadModuleIsAClearFailure(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("polybench"));
    Files.writeString(tmp.resolve("polybench/__init__.py"), "");
    Result r = inProcess(tmp, "--workload", "normalize", "--variant", "graalpy", "--size", "10");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("polybench/normalize.py does not exist"), r.err());
  }

  /**
   * One context in this JVM (class-path mode, no JVMCI: Truffle's fallback runtime). The inputs
   * made in Java are the pure variant's own, bit for bit, including the seed + 1 wrap of dot's
   * second input; and this run is labelled interpreter-only.
   */
  @Test
  @Timeout(180)
  void javaInputsEqualThePureVariantsAndTheInterpreterIsLabelledSo() throws Exception {
    try (GraalPy py = GraalPy.start(pythonWorkloads())) {
      Value equal = py.eval("lambda a, b: type(a) is list and type(b) is list and len(a) == len(b) and a == b");
      for (String workload : List.of("dot", "normalize")) {
        Value impl = py.pureVariant(GraalPyRunner.MODULES.get(workload));
        for (long seed : new long[] {42, -1L}) { // -1L is 2^64 - 1
          Value[] fromJava = Inputs.make(py, impl, workload, 300, seed, Inputs.Source.JAVA);
          Value[] fromPython = Inputs.make(py, impl, workload, 300, seed, Inputs.Source.PYTHON);
          assertEquals(fromPython.length, fromJava.length, workload);
          for (int i = 0; i < fromJava.length; i++) {
            assertTrue(equal.execute(fromJava[i], fromPython[i]).asBoolean(), workload + " input " + i + " seed " + Long.toUnsignedString(seed));
          }
        }
      }
      assertTrue(py.moduleFile("polybench.dot").startsWith(pythonWorkloads().toString()), "the repository's dot.py is loaded, not a copy");
      // the option does not even exist when no JVMCI module was loaded, as here
      boolean jvmci = "true".equals(py.runtimeInfo().get("jvmci_enabled"));
      assumeTrue(!jvmci, "this JVM has JVMCI (a GraalVM JDK?): the fallback runtime is not what runs here");
      assertFalse(py.jitCompiled());
      assertEquals("interpreter", py.runtimeInfo().get("compilation"));
      assertEquals(false, py.runtimeInfo().get("jit_compiled"));
    }
  }

  /** The JVM flags GraalPyLanguage (harness) starts the runner with: JIT on a stock JDK. */
  static List<String> harnessCommand(List<String> protocolFlags) {
    Path target = root().resolve("graalpy/target");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
        "--upgrade-module-path=" + target.resolve("compiler"),
        "--module-path=" + target.resolve("lib"),
        "--add-modules=ALL-MODULE-PATH",
        "--enable-native-access=org.graalvm.truffle"));
    if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
    cmd.add("-D" + GraalPyRunner.PYTHON_PATH_PROPERTY + "=" + pythonWorkloads());
    // the runner's classes and the workloads module's, wherever Maven put them (jar or classes dir)
    cmd.addAll(List.of("-cp", location(GraalPyRunner.class) + File.pathSeparator + location(SplitMix64.class), "org.polybench.graalpy.GraalPyRunner"));
    cmd.addAll(protocolFlags);
    return cmd;
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Timeout(300)
  void protocolJsonFromARunnerStartedLikeTheHarnessDoes() throws Exception {
    assumeTrue(Files.isDirectory(root().resolve("graalpy/target/compiler")), "graalpy/target/compiler: run mvn package first");
    Process p = new ProcessBuilder(harnessCommand(List.of(
        "--workload", "dot", "--variant", "graalpy", "--size", "1000", "--warmup", "2", "--iterations", "3", "--seed", "7")))
        .redirectError(ProcessBuilder.Redirect.PIPE).start();
    String err;
    String out;
    try (var o = p.getInputStream(); var e = p.getErrorStream()) {
      var errText = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return new String(e.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException x) {
          return x.toString();
        }
      });
      out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(240, TimeUnit.SECONDS), "runner finished");
      err = errText.get();
    }
    assertEquals(0, p.exitValue(), err);
    assertEquals(1, out.strip().lines().count(), "one JSON object on stdout: " + out);
    JsonNode j = new ObjectMapper().readTree(out);
    assertEquals(2, j.get("protocol").asInt());
    assertEquals("dot", j.get("workload").asText());
    assertEquals("python", j.get("language").asText());
    assertEquals("graalpy", j.get("variant").asText());
    assertEquals(1000, j.get("size").asInt());
    assertEquals(1, j.get("threads").asInt());
    assertEquals("7", j.get("seed").asText());
    assertEquals(2, j.get("warmup_ns").size());
    assertEquals(3, j.get("samples_ns").size());
    j.get("samples_ns").forEach(n -> assertTrue(n.isIntegralNumber() && n.asLong() > 0));
    assertEquals("float", j.get("checksum_kind").asText());
    assertTrue(j.get("checksum").isTextual());
    // docs/workloads.md#dot: the seeded dot, then the verification input's n (1 + 2^-25)
    String[] parts = j.get("checksum").asText().split(" ");
    assertEquals(2, parts.length, j.get("checksum").asText());
    double[] a = SplitMix64.doubles(7, 1000);
    double[] b = SplitMix64.doubles(8, 1000);
    java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
    for (int i = 0; i < a.length; i++) exact = exact.add(new java.math.BigDecimal(a[i]).multiply(new java.math.BigDecimal(b[i])));
    double dot = exact.doubleValue();
    assertEquals(dot, Double.parseDouble(parts[0]), Math.abs(dot) * 1e-13);
    assertEquals(Double.toString(1000 * (1 + 0x1p-25)), parts[1]);
    assertTrue(j.get("peak_rss_bytes").asLong() > 0);
    assertTrue(j.get("extra").get("context_startup_ns").asLong() > 0);
    JsonNode rt = j.get("runtime");
    assertEquals("GraalPy", rt.get("name").asText());
    assertTrue(rt.get("module").asText().endsWith("polybench/dot.py"));
    // the pinned Graal compiler is built for JDK 25: only there is the JIT a promise
    assumeTrue(Runtime.version().feature() == 25, "JIT expected on JDK 25 only; this is " + Runtime.version());
    assertEquals("jit", rt.get("compilation").asText(), err);
    assertTrue(rt.get("jit_compiled").asBoolean());
    assertTrue(rt.get("graal_compiler").asText().contains("graalpy/target/compiler"), rt.toString());
    assertFalse(err.contains("fallback runtime"), err);
  }

  @Test
  void listIsTheCatalogueWithoutStartingGraalPy() throws Exception {
    long t0 = System.nanoTime();
    Result r = inProcess(pythonWorkloads(), "--list", "--workload", "nope");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(ms < 2000, "--list took " + ms + " ms");
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<String> top = new ArrayList<>();
    j.fieldNames().forEachRemaining(top::add);
    assertEquals(List.of("protocol", "runner", "language", "implementations"), top);
    assertEquals(2, j.get("protocol").asInt());
    assertEquals("graalpy", j.get("runner").asText());
    assertEquals("python", j.get("language").asText());
    List<String> rows = new ArrayList<>();
    for (JsonNode row : j.get("implementations")) {
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("workload", "variant", "kind", "description", "available", "reason", "opt_in"), fields);
      rows.add(row.get("workload").asText() + "/" + row.get("variant").asText());
      // the spec's table: python graalpy=naive(opt_in)
      assertEquals("naive", row.get("kind").asText());
      assertTrue(row.get("opt_in").asBoolean());
      assertFalse(row.get("description").asText().isBlank() || row.get("description").asText().contains("\n"));
      // GraalPy is on the test class path and python-workloads is in the repository
      assertTrue(row.get("available").asBoolean(), row.toString());
      assertTrue(row.get("reason").isNull());
      // every listed row passes the runner's flag checks
      GraalPyRunner.Flags.parse(new String[] {"--workload", row.get("workload").asText(),
          "--variant", row.get("variant").asText(), "--size", "10"});
    }
    assertEquals(List.of("dot/graalpy", "dot/graalpy-loop", "normalize/graalpy", "normalize/graalpy-loop", "binary-trees/graalpy"), rows);
  }

  /**
   * python/graalpy-loop runs the loop variant's own code (the explicit index loops of dot.py and
   * normalize.py) and gets the spec's answer: dot summed in index order, normalize's outputs summed.
   */
  @ParameterizedTest
  @CsvSource({"dot", "normalize"})
  @Timeout(180)
  void theLoopVariantRunsTheLoopCodeAndGivesTheSpecsAnswer(String workload) throws Exception {
    Result r = inProcess(pythonWorkloads(), "--workload", workload, "--variant", "graalpy-loop", "--size", "257",
        "--warmup", "1", "--iterations", "2", "--seed", "5");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("graalpy-loop", j.get("variant").asText());
    assertEquals("loop", j.get("runtime").get("python_variant").asText());
    double[] a = SplitMix64.doubles(5, 257);
    String checksum = j.get("checksum").asText();
    if (workload.equals("dot")) {
      // docs/workloads.md#dot: the seeded dot (exact sum, within the float64 bound), then the
      // verification input's n (1 + 2^-25)
      double[] b = SplitMix64.doubles(6, 257);
      java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
      for (int i = 0; i < a.length; i++) exact = exact.add(new java.math.BigDecimal(a[i]).multiply(new java.math.BigDecimal(b[i])));
      String[] parts = checksum.split(" ");
      assertEquals(2, parts.length, checksum);
      assertEquals(exact.doubleValue(), Double.parseDouble(parts[0]), Math.abs(exact.doubleValue()) * 1e-13);
      assertEquals(Double.toString(257 * (1 + 0x1p-25)), parts[1]);
    } else {
      // docs/workloads.md#normalize: "<count>:<sha256 of each output's float64 bits, little-endian>",
      // each output (x - min) / (max - min)
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (double v : a) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * a.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (double v : a) bytes.putDouble((v - lo) / (hi - lo));
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes.array());
      assertEquals(a.length + ":" + java.util.HexFormat.of().formatHex(digest), checksum);
      assertEquals("f64+sha256", j.get("checksum_kind").asText());
    }
  }

  /**
   * python/graalpy runs binary_trees.py itself (the file python/pure runs) and gets the spec's exact
   * answer: one iteration's tree plus the long-lived one, 2 * (2^(d+1) - 1) nodes; with the latency
   * percentiles and the JVM's collections a binary-trees cell reports.
   */
  @Test
  @Timeout(180)
  void binaryTreesRunsTheSameFileAndCountsTheSpecsNodes() throws Exception {
    Result r = inProcess(pythonWorkloads(), "--workload", "binary-trees", "--variant", "graalpy", "--size", "9",
        "--warmup", "2", "--iterations", "4", "--seed", "3");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("binary-trees", j.get("workload").asText());
    assertEquals(Long.toString(2 * ((1L << 10) - 1)), j.get("checksum").asText());
    assertEquals("u64", j.get("checksum_kind").asText());
    assertEquals(4, j.get("samples_ns").size());
    assertTrue(j.get("runtime").get("module").asText().endsWith("polybench/binary_trees.py"));
    assertEquals("pure", j.get("runtime").get("python_variant").asText());
    JsonNode lat = j.get("extra").get("iteration_latency_ns");
    assertEquals(4, lat.get("count").asInt());
    assertTrue(lat.get("p50").asLong() > 0 && lat.get("max").asLong() >= lat.get("p50").asLong());
    assertTrue(j.get("extra").get("gc").has("collections"), j.get("extra").toString());
  }

  @Test
  void listSaysUnavailableWithoutThePythonCode(@TempDir Path empty) throws Exception {
    Result r = inProcess(empty, "--list");
    assertEquals(0, r.exit(), r.err());
    for (JsonNode row : new ObjectMapper().readTree(r.out()).get("implementations")) {
      assertFalse(row.get("available").asBoolean());
      assertTrue(row.get("reason").asText().contains("-D" + GraalPyRunner.PYTHON_PATH_PROPERTY), row.toString());
    }
  }

  @Test
  void unknownVariantIsExitTwoNamingTheKnownOne() {
    Result r = inProcess(pythonWorkloads(), "--workload", "dot", "--variant", "vector", "--size", "10");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("unknown variant 'vector'") && r.err().contains("known: graalpy, graalpy-loop"), r.err());
  }
}
