package org.polybench.harness;

/**
 * Wrong input from the user: one clear message that names what was wrong and the fix. The CLI's
 * one error handler prints it and exits with {@link #exitCode()}.
 */
public final class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message) {
    this(message, 2);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
