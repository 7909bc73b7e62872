package org.polybench.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, and where each language keeps its runner. */
public record Project(Path root) {

  /** The root given by ./bench (-Dpolybench.root), else the working directory. */
  public static Project locate() {
    String prop = System.getProperty("polybench.root");
    Path root = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("").toAbsolutePath();
    return new Project(root.toAbsolutePath().normalize());
  }

  public Path pythonDir() {
    return root.resolve("python-workloads");
  }

  public Path venv() {
    return pythonDir().resolve(".venv");
  }

  public Path venvPython() {
    return venv().resolve("bin/python");
  }

  /** The free-threaded CPython ./bench build --free-threaded makes (python-workloads/build-free-threaded.sh). */
  public Path freeThreadedPython() {
    return root.resolve(".bench/free-threaded/bin/python3.13t");
  }

  /** The venv made from {@link #freeThreadedPython} (requirements-free-threaded.txt and our extension, built for 3.13t). */
  public Path freeThreadedVenv() {
    return root.resolve(".bench/free-threaded-venv");
  }

  public Path rustDir() {
    return root.resolve("rust-workloads");
  }

  public Path rustRunner() {
    return rustDir().resolve("target/release/polybench-runner");
  }

  public Path javaRunnerJar() {
    return root.resolve("workloads/target/polybench-workloads.jar");
  }

  /** Generated inputs shared by runs (corpora, vocabularies); safe to delete. */
  public Path dataDir() {
    return root.resolve(".bench/data");
  }

  public Path resultsDir() {
    return root.resolve("results");
  }

  public boolean looksValid() {
    return Files.isRegularFile(root.resolve("bench")) && Files.isDirectory(root.resolve("harness"));
  }
}
