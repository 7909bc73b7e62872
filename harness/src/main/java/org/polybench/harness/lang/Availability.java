package org.polybench.harness.lang;

/** Whether a language (or one implementation) can run here, and if not, what to do about it. */
public record Availability(boolean available, String reason) {
  public static final Availability OK = new Availability(true, null);

  public static Availability missing(String reasonAndFix) {
    return new Availability(false, reasonAndFix);
  }
}
