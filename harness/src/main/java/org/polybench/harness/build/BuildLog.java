package org.polybench.harness.build;

import java.io.PrintStream;

/** Where build steps say what they do. Tool output itself goes straight to the terminal. */
public record BuildLog(PrintStream out) {
  public void step(String language, String what) {
    out.println("build: " + language + ": " + what);
    out.flush();
  }
}
