package org.polybench.harness.html;

/** Escaping for text that came from input (names, command lines, error messages) into HTML and SVG. */
public final class Html {
  private Html() {}

  /** Escapes &amp;, &lt;, &gt;, &quot; and &#39;: safe in element text and quoted attributes. */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
