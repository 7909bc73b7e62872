package org.polybench.harness.lang;

import java.util.Map;

/**
 * Whether a language (or one implementation) can run here, and if not, what to do about it.
 * {@code unavailableVariants} names variants of an available runner that must not run, with the
 * reason: e.g. {@code rust-ext*} when the Python runner starts but its Rust extension failed to
 * build, so the previously installed extension is never measured as if it were new. A key ending
 * in {@code *} matches every variant with that prefix.
 */
public record Availability(boolean available, String reason, Map<String, String> unavailableVariants) {
  public static final Availability OK = new Availability(true, null);

  public Availability {
    unavailableVariants = unavailableVariants == null ? Map.of() : Map.copyOf(unavailableVariants);
  }

  public Availability(boolean available, String reason) {
    this(available, reason, Map.of());
  }

  public static Availability missing(String reasonAndFix) {
    return new Availability(false, reasonAndFix);
  }

  /** Available, except for the variants named (prefix{@code *} or exact) with their reasons. */
  public static Availability exceptVariants(Map<String, String> variantReasons) {
    return new Availability(true, null, variantReasons);
  }

  /** Why {@code variant} must not run although its runner starts, or null when it may. */
  public String variantReason(String variant) {
    for (Map.Entry<String, String> e : unavailableVariants.entrySet()) {
      String k = e.getKey();
      boolean match = k.endsWith("*") ? variant.startsWith(k.substring(0, k.length() - 1)) : variant.equals(k);
      if (match) return e.getValue();
    }
    return null;
  }
}
