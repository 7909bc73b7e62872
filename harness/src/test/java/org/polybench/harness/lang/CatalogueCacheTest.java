package org.polybench.harness.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.plan.Implementation;

/** The --list answer is reused while the runner's build is the same, and asked again once it is not. */
class CatalogueCacheTest {
  @TempDir Path tmp;

  /** A Rust runner that logs every start and lists {@code variant}. */
  private static void runner(Project project, Path log, String variant) throws IOException {
    Path bin = project.rustRunner();
    Files.createDirectories(bin.getParent());
    String doc = "{\"protocol\":" + Catalogue.PROTOCOL + ",\"language\":\"rust\",\"implementations\":[{\"workload\":\"dot\",\"variant\":\""
        + variant + "\",\"kind\":\"naive\",\"description\":\"a loop\",\"available\":true}]}";
    Files.writeString(bin, "#!/bin/sh\necho \"$@\" >> " + log + "\necho '" + doc + "'\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<String> load(Project project) {
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<String> ids = Catalogue.load(project, Map.of("rust", new RustLanguage()), Map.of("rust", Availability.OK), new PrintStream(warn, true))
        .all().stream().map(Implementation::id).toList();
    assertEquals("", warn.toString(), "no warning");
    return ids;
  }

  private static long starts(Path log) throws IOException {
    return Files.isRegularFile(log) ? Files.readAllLines(log).size() : 0;
  }

  @Test
  void sameBuildIsNotAskedTwiceAndARebuildIsAskedAgain() throws Exception {
    Project project = new Project(tmp);
    Path log = tmp.resolve("starts.log");
    runner(project, log, "naive");

    assertEquals(List.of("rust/naive"), load(project));
    assertEquals(1, starts(log), "the first command asks the runner");
    assertEquals(List.of("rust/naive"), load(project));
    assertEquals(1, starts(log), "the same build: the stored answer, no runner started");

    // a rebuild that adds a row: the binary's hash changes, so the runner is asked and the new row shows
    runner(project, log, "fast");
    assertEquals(List.of("rust/fast"), load(project));
    assertEquals(2, starts(log));
    assertEquals(List.of("rust/fast"), load(project));
    assertEquals(2, starts(log));
  }

  @Test
  void aMissingOrForeignKeyAsksTheRunner() throws Exception {
    Project project = new Project(tmp);
    Path log = tmp.resolve("starts.log");
    runner(project, log, "naive");
    load(project);
    Files.delete(Catalogue.keyFile(project, "rust"));
    load(project);
    assertEquals(2, starts(log), "no key: asked again (an interrupted write leaves no key)");
    Files.writeString(Catalogue.keyFile(project, "rust"), "{\"protocol\":0}");
    load(project);
    assertEquals(3, starts(log), "a key from another protocol or build: asked again");
  }
}
