package org.polybench.harness.build;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finding toolchains, running build commands, and deciding what is stale. */
public final class Tools {
  private Tools() {}

  /** The executable on PATH (and ~/.cargo/bin, where rustup puts cargo), if any. */
  public static Optional<Path> which(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add(System.getProperty("user.home") + "/.cargo/bin");
    for (String dir : dirs) {
      if (dir.isBlank()) continue;
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Runs a build command with its output shown on this process's stderr; true on exit 0. */
  public static boolean runVisible(List<String> command, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    // Build tools write progress to stdout; keep our stdout for results and tables.
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/stderr")));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return pb.start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a short query command and returns its trimmed stdout, or empty on any failure. */
  public static Optional<String> capture(List<String> command, Path dir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
      if (dir != null) pb.directory(dir.toFile());
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      // terminal colour codes (mvn prints ESC[0m even with -Dstyle.color=never) are no part of an answer
      return Optional.of(stripAnsi(new String(out, StandardCharsets.UTF_8)).trim());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code text} without ANSI escape sequences (colours, cursor moves). */
  public static String stripAnsi(String text) {
    return text.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "");
  }

  /** True when {@code artifact} is missing or any file under {@code inputs} is newer than it. */
  public static boolean stale(Path artifact, List<Path> inputs) {
    if (!Files.exists(artifact)) return true;
    try {
      long built = Files.getLastModifiedTime(artifact).toMillis();
      for (Path in : inputs) {
        if (!Files.exists(in)) continue;
        try (Stream<Path> files = Files.walk(in)) {
          boolean newer =
              files
                  .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/__pycache__/"))
                  .filter(Files::isRegularFile)
                  .anyMatch(f -> lastModified(f) > built);
          if (newer) return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static long lastModified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * The SHA-256 (hex) of the regular files under {@code paths} (files or folders), in path order,
   * each file's path relative to {@code base} hashed with its bytes; build output folders
   * (target/, __pycache__/, .venv/) are skipped. "missing" when none exists.
   */
  public static String sha256(Path base, List<Path> paths) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      boolean any = false;
      for (Path root : paths) {
        if (!Files.exists(root)) continue;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
          files = walk.filter(Files::isRegularFile)
              .filter(f -> Files.isRegularFile(root) || !(f.toString().contains("/target/") || f.toString().contains("/__pycache__/")
                  || f.toString().contains("/.venv/")))
              .sorted().toList();
        }
        for (Path f : files) {
          any = true;
          sha.update(base.relativize(f.toAbsolutePath()).toString().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
          sha.update(Files.readAllBytes(f));
        }
      }
      return any ? java.util.HexFormat.of().formatHex(sha.digest()) : "missing";
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /** Marks a build as done now, for {@link #stale}. */
  public static void touch(Path stamp, String content) {
    try {
      Files.createDirectories(stamp.getParent());
      Files.writeString(stamp, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
