package org.polybench.graalpy;

import org.graalvm.polyglot.Context;

/**
 * The {@code startup} workload's GraalPy program ({@code python/graalpy} there): what embedding
 * GraalPy costs before any Python code of one's own runs. This JVM starts (with the harness's
 * GraalPy flags: JVMCI, the Graal compiler and GraalPy on the module paths), creates one Polyglot
 * context for Python, evaluates {@code pass}, closes the context and exits 0, printing nothing.
 * The harness's startup prober spawns and times the whole process.
 */
public final class StartupMain {
  private StartupMain() {}

  public static void main(String[] args) {
    try (Context context = Context.newBuilder("python").build()) {
      context.eval("python", "pass");
    }
  }
}
