package org.polybench.harness.view;

/**
 * Text from outside the harness (command lines, corpus file names, runners' error messages) made
 * safe for Markdown: Markdown passes raw HTML through, so a file called {@code <script>.txt} must
 * not become a tag in a rendered summary.md, and a command line must stay copyable.
 */
public final class Markdown {
  private Markdown() {}

  /** {@code s} as plain text: HTML's special characters as entities, on one line. */
  public static String text(String s) {
    if (s == null) return null;
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /** {@code s} as plain text that can sit in a table cell ({@code |} escaped too). */
  public static String cell(String s) {
    return text(s).replace("|", "\\|").strip();
  }

  /**
   * {@code s} as an inline code span, shown and copied exactly as it is: the fence is one
   * backtick longer than the longest run of backticks inside (CommonMark), padded with a space
   * when {@code s} starts or ends with a backtick.
   */
  public static String code(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s.replace('\n', ' ') + pad + fence;
  }
}
