package org.polybench.harness.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.polybench.harness.Project;
import org.polybench.harness.build.BuildLog;
import org.polybench.harness.build.Tools;
import org.polybench.harness.store.Json;

/**
 * CPython in a virtual environment with the pinned requirements, plus our PyO3 extension built into
 * it by maturin. The extension is optional: without cargo the rust-ext variants report themselves
 * unavailable (runner exit 3) and every other variant still runs.
 *
 * <p>With {@code ./bench run --python PATH} ({@link #PythonLanguage(Path)}) the runners use that
 * interpreter instead, with {@code PYTHONPATH=python-workloads} and no venv: e.g. a free-threaded
 * CPython 3.13t+, where the thread variants run without the GIL. Variants whose libraries that
 * interpreter lacks (NumPy, our extension) exit 3 as usual.
 *
 * <p>{@link #freeThreaded()} is the runner "python-ft" of {@code ./bench run --free-threaded}: a venv
 * of its own made from the CPython that {@code ./bench build --free-threaded} built, with
 * requirements-free-threaded.txt and our extension built for it, run beside the GIL venv. Its
 * variants are listed with the suffix {@code -ft} (the runner adds it: POLYBENCH_VARIANT_SUFFIX),
 * so {@code python/threads} and {@code python/threads-ft} are two cells of one run.
 */
public final class PythonLanguage implements Language {
  private static final String NO_FREE_THREADED =
      "no free-threaded CPython at .bench/free-threaded/bin/python3.13t: build it once with ./bench build --free-threaded";

  private static final String INSTALL_PYTHON =
      "python3 not found: install CPython 3.11+ with venv and pip (e.g. 'apt-get install python3 python3-venv python3-pip')";

  /** What {@link #probe} asks an interpreter; one JSON line. */
  private static final String INTERPRETER_PROBE =
      """
      import json, platform, sys, sysconfig
      print(json.dumps({"implementation": platform.python_implementation(), "version": platform.python_version(),
                        "executable": sys.executable,
                        "gil_enabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
                        "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED"))}))
      """;

  /** The interpreter given with --python, or null for a venv. */
  private final Path interpreter;

  /** The runner's name: "python", or "python-ft" for {@link #freeThreaded()}. */
  private final String name;

  /** The free-threaded venv's flavour, or null for the project's venv (python-workloads/.venv). */
  private final FreeThreaded ft;

  /** What makes the free-threaded venv differ from the project's. */
  private record FreeThreaded(String requirements, String suffix) {}

  /** The free-threaded runner's variants are the venv's with this suffix: python/threads-ft. */
  public static final String FREE_THREADED_SUFFIX = "-ft";

  /** The pins of the free-threaded venv (python-workloads/), the packages without a cp313t wheel left out. */
  public static final String FREE_THREADED_REQUIREMENTS = "requirements-free-threaded.txt";

  /** The project's venv (built by {@link #build}). */
  public PythonLanguage() {
    this(null);
  }

  /** A given interpreter instead of the venv; check it first with {@link #probe}. */
  public PythonLanguage(Path interpreter) {
    this(interpreter, "python", null);
  }

  private PythonLanguage(Path interpreter, String name, FreeThreaded ft) {
    this.interpreter = interpreter == null ? null : interpreter.toAbsolutePath().normalize();
    this.name = name;
    this.ft = ft;
  }

  /** The runner "python-ft": the free-threaded venv (.bench/free-threaded-venv), variants suffixed -ft. */
  public static PythonLanguage freeThreaded() {
    return new PythonLanguage(null, "python-ft", new FreeThreaded(FREE_THREADED_REQUIREMENTS, FREE_THREADED_SUFFIX));
  }

  private Path venv(Project project) {
    return ft == null ? project.venv() : project.freeThreadedVenv();
  }

  private Path venvPython(Project project) {
    return venv(project).resolve("bin/python");
  }

  private String requirements() {
    return ft == null ? "requirements.txt" : ft.requirements();
  }

  /**
   * Runs {@code python} once to learn what it is: implementation, version, executable,
   * gil_enabled, free_threaded. Empty when it does not start or does not answer as a Python.
   */
  @SuppressWarnings("unchecked")
  public static java.util.Optional<Map<String, Object>> probe(Path python) {
    if (!Files.isRegularFile(python) || !Files.isExecutable(python)) return java.util.Optional.empty();
    return Tools.capture(List.of(python.toString(), "-c", INTERPRETER_PROBE), null)
        .flatMap(
            out -> {
              try {
                return java.util.Optional.of((Map<String, Object>) Json.mapper().readValue(out, Map.class));
              } catch (IOException e) {
                return java.util.Optional.empty();
              }
            });
  }

  private Availability checkGiven() {
    return probe(interpreter).isPresent()
        ? Availability.OK
        : Availability.missing("--python " + interpreter + " no longer runs as a Python interpreter");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Availability build(Project project, BuildLog log) {
    if (interpreter != null) {
      log.step(name(), "using --python " + interpreter + " with PYTHONPATH=python-workloads (the venv and its Rust extension are not used)");
      return checkGiven();
    }
    var python = ft == null ? Tools.which("python3") : java.util.Optional.of(project.freeThreadedPython()).filter(Files::isExecutable);
    if (python.isEmpty()) return Availability.missing(ft == null ? INSTALL_PYTHON : NO_FREE_THREADED);
    Path venv = venv(project);
    String shown = project.root().relativize(venv).toString();
    Path stamp = venv.resolve(".polybench-requirements");
    String want = requirementsHash(project);
    if (!Files.isExecutable(venvPython(project)) || !want.equals(read(stamp))) {
      if (!Files.isExecutable(venvPython(project))) {
        log.step(name(), "creating the virtual environment (" + python.get().getFileName() + " -m venv " + shown + ")");
        if (!Tools.runVisible(List.of(python.get().toString(), "-m", "venv", venv.toString()), project.pythonDir(), Map.of())) {
          return Availability.missing("could not create " + shown + ": install python3-venv (apt-get install python3-venv)");
        }
      }
      log.step(name(), "installing pinned requirements (pip install -r " + requirements() + ", then the polybench package)");
      String py = venvPython(project).toString();
      if (!Tools.runVisible(List.of(py, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", requirements()), project.pythonDir(), Map.of())
          || !Tools.runVisible(List.of(py, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "-e", "."), project.pythonDir(), Map.of())) {
        return Availability.missing("pip install failed (output above): check the network to PyPI, then run ./bench build again");
      }
      Tools.touch(stamp, want);
    }
    String failed = buildExtension(project, log);
    return failed == null ? Availability.OK : Availability.exceptVariants(Map.of(EXTENSION_VARIANTS, failed));
  }

  /** The Python variants that call our Rust extension. */
  static final String EXTENSION_VARIANTS = "rust-ext*";

  /** The extension's distribution name in the venv (rust-workloads/pyext/pyproject.toml). */
  static final String EXTENSION_DIST = "polybench-rs";

  /** Written when the extension's build failed (holds the reason), removed when it succeeds. */
  static Path extensionFailedMarker(Project project) {
    return extensionFailedMarker(project.venv());
  }

  private static Path extensionFailedMarker(Path venv) {
    return venv.resolve(".polybench-extension-failed");
  }

  /**
   * maturin develop --release into the venv, when the extension's Rust sources changed. Returns
   * null when the installed extension is current, else why python/rust-ext* must not run: a
   * failed (or impossible) build uninstalls the previous extension, so old code is never measured
   * as if it were the new one, and leaves a marker that {@link #check} reads (--no-build).
   */
  private String buildExtension(Project project, BuildLog log) {
    Path stamp = venv(project).resolve(".polybench-extension");
    Path marker = extensionFailedMarker(venv(project));
    Path rust = project.rustDir();
    List<Path> inputs =
        List.of(rust.resolve("Cargo.toml"), rust.resolve("Cargo.lock"), rust.resolve(".cargo"), rust.resolve("kernels"), rust.resolve("pyext"));
    if (!Tools.stale(stamp, inputs) && !Files.exists(marker)) return null;
    if (ft != null) {
      String version = probe(project.freeThreadedPython()).map(i -> String.valueOf(i.get("version"))).orElse("");
      if (version.startsWith("3.13")) {
        log.step(name(), "skipping the Rust extension: PyO3 builds for a free-threaded CPython from 3.14 on; python/rust-ext*-ft will be unavailable");
        return extensionFailed(project, log, "not built for this free-threaded CPython " + version + ": the pinned PyO3 ("
            + "rust-workloads/Cargo.toml) supports the free-threaded build from CPython 3.14 on only (its build says \"PyO3 does not "
            + "support the free-threaded build of CPython versions below 3.14\"); it runs on the GIL venv as python/rust-ext*");
      }
    }
    if (Tools.which("cargo").isEmpty()) {
      String why = "the Rust extension's sources changed and cargo is not found to rebuild it (install Rust with rustup or "
          + "'apt-get install cargo', then ./bench build); the old extension was uninstalled so it is not measured as the new one";
      log.step(name(), "skipping the Rust extension: cargo not found; python/rust-ext* will be unavailable");
      return extensionFailed(project, log, why);
    }
    log.step(name(), "building the Rust extension into the venv (maturin develop --release in rust-workloads/pyext)");
    Path bin = venv(project).resolve("bin");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("VIRTUAL_ENV", venv(project).toString());
    env.put("PATH", bin + ":" + System.getProperty("user.home") + "/.cargo/bin:" + System.getenv().getOrDefault("PATH", ""));
    List<String> cmd = List.of(bin.resolve("maturin").toString(), "develop", "--release", "--quiet");
    if (Tools.runVisible(cmd, rust.resolve("pyext"), env)) {
      try {
        Files.deleteIfExists(marker);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Tools.touch(stamp, "built");
      return null;
    }
    log.step(name(), "the Rust extension failed to build (output above); python/rust-ext* will be unavailable");
    return extensionFailed(project, log,
        "the Rust extension failed to build (maturin develop in rust-workloads/pyext; see the build output): fix it, then "
            + "./bench build; the previously installed extension was uninstalled so it is not measured as the new one");
  }

  /** Uninstalls the (now stale) extension from the venv and records why, for this run and --no-build runs. */
  private String extensionFailed(Project project, BuildLog log, String why) {
    Tools.touch(extensionFailedMarker(venv(project)), why);
    Tools.runVisible(
        List.of(venvPython(project).toString(), "-m", "pip", "uninstall", "-y", "-q", "--disable-pip-version-check", EXTENSION_DIST),
        project.pythonDir(), Map.of());
    return why;
  }

  @Override
  public Availability check(Project project) {
    if (interpreter != null) return checkGiven();
    if (ft != null && !Files.isExecutable(project.freeThreadedPython())) return Availability.missing(NO_FREE_THREADED);
    if (ft == null && Tools.which("python3").isEmpty()) return Availability.missing(INSTALL_PYTHON);
    if (!Files.isExecutable(venvPython(project))) {
      return Availability.missing(project.root().relativize(venv(project)) + " is not built yet: run ./bench build (./bench run builds it too)");
    }
    String failed = read(extensionFailedMarker(venv(project)));
    return failed.isBlank() ? Availability.OK : Availability.exceptVariants(Map.of(EXTENSION_VARIANTS, failed.strip()));
  }

  /**
   * A cell's later processes make the allocation call without tracemalloc ({@code
   * --no-alloc-peak}): the call's peak is the same in every process, and tracing it cost up to
   * 3.8 s a process (python/loop normalize at 1e6, ~8 s of a quick run). The first process traces it.
   */
  @Override
  public List<String> command(Project project, org.polybench.harness.protocol.RunnerArgs args, int invocation) {
    List<String> cmd = new ArrayList<>(command(project, args));
    if (invocation > 1) cmd.add(NO_ALLOC_PEAK);
    return cmd;
  }

  /** The CPython runner's flag for an allocation call without tracemalloc (docs/runner-protocol.md). */
  public static final String NO_ALLOC_PEAK = "--no-alloc-peak";

  @Override
  public List<String> command(Project project, List<String> flags) {
    List<String> cmd = new ArrayList<>();
    if (interpreter != null) {
      // env(1) sets PYTHONPATH and leaves it in the recorded command, so the cell can be re-run as is
      cmd.addAll(List.of("env", "PYTHONPATH=" + project.pythonDir(), interpreter.toString()));
    } else if (ft != null) {
      // the runner lists and answers its variants with the suffix; env(1) keeps it in the recorded command
      cmd.addAll(List.of("env", "POLYBENCH_VARIANT_SUFFIX=" + ft.suffix(), venvPython(project).toString()));
    } else {
      cmd.add(venvPython(project).toString());
    }
    cmd.addAll(List.of("-m", "polybench.runner"));
    cmd.addAll(flags);
    return cmd;
  }

  @Override
  public Path workingDir(Project project) {
    return project.pythonDir();
  }

  /**
   * The hash of the runner's Python sources, the interpreter it runs on, and (venv only) what is
   * installed in the venv: the name and version of every distribution (its {@code *.dist-info}
   * folders, which pip writes per install) and the Rust extension module (the polybench_rs*.so
   * maturin put into site-packages), or "not installed". The catalogue cache
   * ({@link Catalogue}) is keyed on this, so a package installed or removed asks the runner again
   * which variants it can run.
   */
  @Override
  public Map<String, Object> buildId(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("python_sources", Language.hashOf(project, "python-workloads/polybench"));
    d.put("interpreter", interpreter != null ? interpreter.toString() : project.root().relativize(venv(project)).toString());
    if (interpreter == null) {
      d.put("venv_packages", installedDistributions(venv(project)));
      List<Path> so = extensionModules(venv(project));
      if (so.isEmpty()) {
        d.put("rust_extension", "not installed");
      } else {
        d.put("rust_extension", Language.hashOf(project, so.stream().map(p -> project.root().relativize(p).toString()).toArray(String[]::new)));
      }
    }
    return d;
  }

  /** The SHA-256 of the sorted names of the venv's {@code *.dist-info} folders (name-version), or "no venv". */
  static String installedDistributions(Path venv) {
    Path lib = venv.resolve("lib");
    if (!Files.isDirectory(lib)) return "no venv";
    try (Stream<Path> files = Files.walk(lib, 4)) {
      String names = String.join("\n", files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dist-info")).sorted().toList());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(names.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /** The extension module files in the venv's site-packages. */
  static List<Path> extensionModules(Project project) {
    return extensionModules(project.venv());
  }

  private static List<Path> extensionModules(Path venv) {
    Path lib = venv.resolve("lib");
    if (!Files.isDirectory(lib)) return List.of();
    try (Stream<Path> files = Files.walk(lib, 5)) {
      return files.filter(f -> f.getFileName().toString().startsWith("polybench_rs") && f.getFileName().toString().endsWith(".so"))
          .sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public Map<String, Object> describe(Project project) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (interpreter != null) {
      d.put("selected_with", "--python " + interpreter);
      probe(interpreter).ifPresent(d::putAll);
      return d;
    }
    Tools.which("python3").ifPresent(p -> d.put("base_interpreter", p.toString()));
    if (ft != null) d.put("base_interpreter", project.freeThreadedPython().toString());
    if (!Files.isExecutable(venvPython(project))) return d;
    String probe =
        """
        import json, platform, sys
        info = {"implementation": platform.python_implementation(), "version": platform.python_version(),
                "executable": sys.executable,
                "gil_enabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
                "free_threaded": bool(__import__("sysconfig").get_config_var("Py_GIL_DISABLED"))}
        for mod in ("numpy", "maturin", "pytest"):
            try:
                from importlib.metadata import version
                info[mod] = version(mod)
            except Exception:
                pass
        print(json.dumps(info))
        """;
    Tools.capture(List.of(venvPython(project).toString(), "-c", probe), project.pythonDir())
        .ifPresent(
            out -> {
              try {
                d.putAll(Json.mapper().readValue(out, Map.class));
              } catch (IOException e) {
                d.put("probe_error", out);
              }
            });
    return d;
  }

  private String requirementsHash(Project project) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String f : List.of(requirements(), "pyproject.toml")) {
        Path p = project.pythonDir().resolve(f);
        if (Files.exists(p)) sha.update(Files.readAllBytes(p));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
