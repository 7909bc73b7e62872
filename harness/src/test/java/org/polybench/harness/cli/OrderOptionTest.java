package org.polybench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --order and --order-seed through the real parser: a wrong word is exit 2 naming the choices, before any folder is made. */
class OrderOptionTest {
  @TempDir Path tmp;

  private String refused(String... args) {
    StringWriter err = new StringWriter();
    assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args));
    return err.toString();
  }

  @Test
  void anUnknownOrderIsRefusedNamingTheChoices() {
    Path out = tmp.resolve("run");
    String e = refused("run", "--workloads", "dot", "--order", "shuffled", "--no-build", "--out", out.toString());
    assertTrue(e.contains("--order shuffled: give random (the default) or sequential"), e);
    assertFalse(Files.exists(out));
  }

  @Test
  void anOrderSeedWithSequentialIsRefused() {
    String e = refused("run", "--workloads", "dot", "--order", "sequential", "--order-seed", "3", "--no-build", "--out", tmp.resolve("r").toString());
    assertTrue(e.contains("--order-seed shuffles --order random"), e);
  }

  @Test
  void helpSaysRandomIsTheDefaultAndWhereTheOrderIsRecorded() {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter()), "run", "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("--order=ORDER") && help.contains("random (default) interleaves"), help);
    assertTrue(help.contains("--order-seed=SEED") && help.contains("settings.order_seed"), help);
  }
}
