package org.polybench.harness.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.build.Tools;
import org.polybench.harness.plan.Implementation;

/**
 * Issue 15, fault 1: a failed build step left the previous build in place and it was measured as
 * if it were new. These run the real build code against a throw-away project whose build tools
 * fail, and check that what the failed step builds is unavailable, also to a later --no-build run.
 */
class StaleBuildTest {
  @TempDir Path tmp;

  private static void script(Path p, String body) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void staleExtensionIsNotMeasuredAfterAFailedExtensionBuild() throws Exception {
    assumeTrue(Tools.which("python3").isPresent(), "python3 is needed to get past the venv step");
    Project project = new Project(tmp);
    Path venv = project.venv();
    Path log = tmp.resolve("python-calls.log");
    // the venv's python records what it is asked (pip uninstall); maturin fails like a syntax error in lib.rs
    script(venv.resolve("bin/python"), "echo \"$@\" >> " + log);
    script(venv.resolve("bin/maturin"), "echo 'error: expected one of ...' >&2; exit 1");
    // the requirements stamp of a project without requirements.txt/pyproject.toml: sha256 of nothing
    Files.writeString(venv.resolve(".polybench-requirements"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Files.createDirectories(project.rustDir().resolve("pyext/src"));
    Files.writeString(project.rustDir().resolve("pyext/src/lib.rs"), "fn broken( {");
    // the extension an earlier build installed
    Path oldSo = venv.resolve("lib/python3.11/site-packages/polybench_rs/polybench_rs.cpython-311-x86_64-linux-gnu.so");
    Files.createDirectories(oldSo.getParent());
    Files.writeString(oldSo, "old build");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Availability a = new PythonLanguage().build(project, new BuildLog(new PrintStream(out, true)));

    assertTrue(a.available(), "the other Python variants still run");
    assertNotNull(a.variantReason("rust-ext"), out.toString());
    assertNotNull(a.variantReason("rust-ext-numpy"));
    assertNotNull(a.variantReason("rust-ext-threads"));
    assertNull(a.variantReason("numpy"));
    assertTrue(Files.readString(log).contains("-m pip uninstall -y -q --disable-pip-version-check polybench-rs"),
        "the stale extension is uninstalled: " + Files.readString(log));
    // a later --no-build run must not measure it either
    assertNotNull(new PythonLanguage().check(project).variantReason("rust-ext"));
    // and the catalogue the plan comes from says so, with the reason
    Implementation impl = new Implementation("python", "rust-ext", Implementation.Kind.OPTIMIZED, Map.of("dot", "d"), "python", false, Map.of());
    Implementation marked = Catalogue.withVariantsUnavailable(List.of(impl), a).get(0);
    assertTrue(marked.unavailable().get("dot").contains("failed to build"), marked.unavailable().toString());

    // a good build afterwards makes it available again
    script(venv.resolve("bin/maturin"), "exit 0");
    assertNull(new PythonLanguage().build(project, new BuildLog(new PrintStream(out, true))).variantReason("rust-ext"));
    assertNull(new PythonLanguage().check(project).variantReason("rust-ext"));
  }

  @Test
  void staleBinaryIsNotMeasuredAfterAFailedCargoBuild() throws Exception {
    assumeTrue(Tools.which("cargo").isPresent(), "cargo is needed for a real failing cargo build");
    Project project = new Project(tmp);
    Path rust = project.rustDir();
    Files.createDirectories(rust.resolve("runner/src"));
    Files.writeString(rust.resolve("Cargo.toml"), "[package]\nname = \"polybench-runner\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
        + "[[bin]]\nname = \"polybench-runner\"\npath = \"runner/src/main.rs\"\n[workspace]\n");
    Files.writeString(rust.resolve("runner/src/main.rs"), "fn main() { let x = ; }");
    script(project.rustRunner(), "echo old build");

    Availability a = new RustLanguage().build(project, new BuildLog(new PrintStream(new ByteArrayOutputStream(), true)));
    assertFalse(a.available());
    assertTrue(a.reason().contains("cargo build --release failed"), a.reason());
    assertFalse(new RustLanguage().check(project).available(), "--no-build must not use the binary a failed build left");
  }

  @Test
  void resultsRecordWhichBuildOfEachRunnerWasMeasured() throws Exception {
    Project project = new Project(tmp);
    script(project.rustRunner(), "echo build one");
    Map<String, Object> one = new RustLanguage().buildId(project);
    assertEquals(List.of("rust-workloads/target/release/polybench-runner"), one.get("of"));
    assertEquals(64, one.get("sha256").toString().length());
    script(project.rustRunner(), "echo build two");
    assertNotEquals(one.get("sha256"), new RustLanguage().buildId(project).get("sha256"));

    Files.createDirectories(tmp.resolve("python-workloads/polybench"));
    Files.writeString(tmp.resolve("python-workloads/polybench/dot.py"), "x = 1\n");
    Map<String, Object> py = new PythonLanguage().buildId(project);
    assertEquals("not installed", py.get("rust_extension"));
    Path so = project.venv().resolve("lib/python3.11/site-packages/polybench_rs/polybench_rs.abi3.so");
    Files.createDirectories(so.getParent());
    Files.writeString(so, "ext");
    @SuppressWarnings("unchecked")
    Map<String, Object> ext = (Map<String, Object>) new PythonLanguage().buildId(project).get("rust_extension");
    assertEquals(64, ext.get("sha256").toString().length());
    Files.writeString(tmp.resolve("python-workloads/polybench/dot.py"), "x = 2\n");
    assertNotEquals(py.get("python_sources"), new PythonLanguage().buildId(project).get("python_sources"));
  }
}
