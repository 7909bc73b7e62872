package org.polybench.harness.cli;

import java.nio.file.Path;
import org.polybench.harness.UserError;

/**
 * Paths the user typed (--out, --corpus, --python, a report's RUN_DIR) resolve against the folder
 * the user ran ./bench from, not the repository the script changes into: ./bench passes that
 * folder as -Dpolybench.cwd. Without it (tests, java -jar) the working directory is the base.
 */
public final class UserPaths {
  private UserPaths() {}

  /** The folder ./bench was started from. */
  public static Path base() {
    String cwd = System.getProperty("polybench.cwd");
    return cwd != null && !cwd.isBlank() ? Path.of(cwd).toAbsolutePath() : Path.of("").toAbsolutePath();
  }

  /** {@code p} as an absolute path, relative ones against {@link #base()}; null stays null. */
  public static Path resolve(Path p) {
    if (p == null) return null;
    return base().resolve(p).toAbsolutePath().normalize();
  }

  /** {@link #resolve}, refusing an empty path (picocli turns {@code --out ""} into the current folder). */
  public static Path resolveNonEmpty(Path p, String option) {
    if (p != null && p.toString().isBlank()) {
      throw new UserError(option + " \"\" is empty: give a folder, e.g. " + option + " results/my-run");
    }
    return resolve(p);
  }
}
