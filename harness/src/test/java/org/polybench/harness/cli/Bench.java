package org.polybench.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** ./bench through its real parser, in this JVM: what the CLI tests run. */
public final class Bench {
  private Bench() {}

  /** What one command printed and returned. */
  public record Result(int exit, String out, String err) {}

  public static Result bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }
}
