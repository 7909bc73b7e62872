package org.polybench.harness.view;

import java.util.List;
import java.util.regex.Pattern;

/** Command lines a user can copy and paste into a POSIX shell as they are. */
public final class Shell {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+^-]+");

  private Shell() {}

  /** {@code word} as one shell word: unchanged when it needs no quoting, else in single quotes. */
  public static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) return word;
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words joined with spaces, each quoted as needed. */
  public static String join(List<String> words) {
    return String.join(" ", words.stream().map(Shell::quote).toList());
  }
}
