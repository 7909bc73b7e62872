package org.polybench.harness.crosscheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polybench.harness.Project;
import org.polybench.harness.build.Tools;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.startup.StartupProbe;
import org.polybench.harness.view.Shell;

/**
 * hyperfine for the {@code startup} workload's whole-process timings: the very argument vector
 * the harness's prober spawns ({@code startup.StartupProbe#command}), run without a shell
 * ({@code -N}), from the same folder, with warm-up runs, exported as JSON. hyperfine is pinned and
 * installed into the project ({@code cargo install hyperfine --version VERSION --locked --root
 * .bench/tools}, once, by {@link #install}); one on PATH is not used, so every machine runs the same one.
 */
public final class HyperfineReferee extends Referee {
  static final String VERSION = "1.19.0";
  static final String RESULT_FILE = "hyperfine.json";

  public HyperfineReferee() {
    super("hyperfine");
  }

  @Override
  public String refuses(Cell cell) {
    return cell.workload().name().equals("startup") ? null
        : "hyperfine times whole processes: only the startup workload's cells";
  }

  /** Where the pinned hyperfine goes: {@code .bench/tools/bin/hyperfine}. */
  static Path binary(Project project) {
    return toolsRoot(project).resolve("bin/hyperfine");
  }

  private static Path toolsRoot(Project project) {
    return project.root().resolve(".bench/tools");
  }

  /** The cargo command that installs the pinned hyperfine into the project. */
  static List<String> installCommand(String cargo, Project project) {
    return List.of(cargo, "install", "hyperfine", "--version", VERSION, "--locked", "--root", toolsRoot(project).toString());
  }

  /**
   * Makes sure the pinned hyperfine is at {@link #binary}, building it with cargo when it is missing
   * or another version (visibly, on {@code out}); null when it is there, else why not and the fix.
   */
  static String install(Project project, PrintStream out) {
    return install(project, out, Tools.which("cargo"));
  }

  static String install(Project project, PrintStream out, java.util.Optional<Path> cargo) {
    Path bin = binary(project);
    if (Files.isExecutable(bin) && Tools.capture(List.of(bin.toString(), "--version"), null).orElse("").equals("hyperfine " + VERSION)) {
      return null;
    }
    String byHand = String.join(" ", installCommand("cargo", project));
    if (cargo.isEmpty()) {
      return "hyperfine " + VERSION + " is not installed at " + bin + " and cargo is not on PATH to build it: install Rust"
          + " (https://rustup.rs) and run ./bench crosscheck again, or run " + byHand;
    }
    out.println("crosscheck: installing the hyperfine referee (" + byHand + ")");
    boolean ok = Tools.runVisible(installCommand(cargo.get().toString(), project), project.root(), Map.of());
    return ok && Files.isExecutable(bin) ? null
        : "installing hyperfine " + VERSION + " failed (output above): fix the cause (crates.io unreachable?), then run " + byHand;
  }

  @Override
  public Job job(Project project, Cell cell, long seed, Path input, Path outDir, boolean quick) {
    List<String> program = StartupProbe.command(project, cell.implementation().variant());
    if (program == null) throw new IllegalArgumentException("no startup program " + cell.implementation().variant());
    try {
      Files.createDirectories(project.root().resolve(".bench/startup")); // where the AppCDS variant's archive goes, as the prober makes it
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(binary(project).toString(), "--shell=none", "--style", "basic"));
    cmd.addAll(quick ? List.of("--warmup", "3", "--runs", "20") : List.of("--warmup", "5", "--runs", "50"));
    cmd.addAll(List.of("--command-name", cell.implementation().id(), "--export-json", outDir.resolve(RESULT_FILE).toString()));
    // hyperfine splits its command as a shell would (shell-words), but runs it without one
    cmd.add(Shell.join(program));
    return new Job(cmd, project.root());
  }

  @Override
  public RefereeResult read(Cell cell, Path outDir) throws IOException {
    return HyperfineReader.read(outDir.resolve(RESULT_FILE));
  }
}
