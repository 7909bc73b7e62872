package org.polybench.harness.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages form layers: none depends, directly or through others, on one that
 * depends on it. Read from the compiled classes by the JDK's own jdeps.
 */
class PackageCycleTest {
  private static final String PREFIX = "org.polybench.harness";

  @Test
  void noPackageDependsBackOnItself() {
    Path classes = Path.of("target/classes");
    assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none", classes.toString());
    assertEquals(0, rc, out.toString());
    Map<String, Set<String>> deps = new HashMap<>();
    for (String line : out.toString().split("\n")) {
      String[] p = line.trim().split("\\s+");
      if (p.length >= 3 && p[1].equals("->") && p[0].startsWith(PREFIX) && p[2].startsWith(PREFIX) && !p[0].equals(p[2])) {
        deps.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[2]);
      }
    }
    assertTrue(deps.size() > 5, "jdeps found the harness packages: " + deps.keySet());
    Set<String> cycles = new TreeSet<>();
    for (String start : deps.keySet()) {
      // every package reachable from start; start among them is a cycle
      List<String> todo = new ArrayList<>(deps.get(start));
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String p = todo.remove(todo.size() - 1);
        if (!seen.add(p)) continue;
        if (p.equals(start)) cycles.add(start);
        todo.addAll(deps.getOrDefault(p, Set.of()));
      }
    }
    assertTrue(cycles.isEmpty(), "packages in a dependency cycle: " + cycles + " (edges: " + deps + ")");
  }
}
