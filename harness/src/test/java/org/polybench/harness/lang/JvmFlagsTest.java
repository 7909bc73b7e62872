package org.polybench.harness.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.protocol.RunnerArgs;

/** A Java variant's jvm_flags (its catalogue row) reach the command line of its JVM, and only its. */
class JvmFlagsTest {
  static final String LIST = """
      {"protocol": 2, "runner": "java", "language": "java", "implementations": [
        {"workload": "binary-trees", "variant": "objects", "kind": "naive", "description": "d", "available": true, "reason": null, "opt_in": false},
        {"workload": "binary-trees", "variant": "objects-zgc", "kind": "idiomatic", "description": "d", "available": true, "reason": null, "opt_in": false, "jvm_flags": ["-XX:+UseZGC"]}]}
      """;

  @Test
  void theRowsFlagsGoBeforeTheJarAndOtherVariantsGetNone(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve(".bench/catalogue"));
    Files.writeString(root.resolve(".bench/catalogue/java.json"), LIST);
    Project project = new Project(root);
    JavaLanguage java = new JavaLanguage();
    List<String> zgc = java.command(project, new RunnerArgs("binary-trees", "objects-zgc", 10, 1, 3, 10, 42, null));
    assertTrue(zgc.indexOf("-XX:+UseZGC") > 0 && zgc.indexOf("-XX:+UseZGC") < zgc.indexOf("-jar"), zgc.toString());
    List<String> plain = java.command(project, new RunnerArgs("binary-trees", "objects", 10, 1, 3, 10, 42, null));
    assertTrue(plain.stream().noneMatch(f -> f.startsWith("-XX:+Use")), plain.toString());
    assertEquals(List.of(), JvmFlags.of(project, "java", "dot", "scalar"));
  }
}
