package org.polybench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help: there (inherited from bench) and rendered without picocli's format warnings. */
class HelpTextTest {
  private static List<CommandLine> all(CommandLine c) {
    List<CommandLine> out = new ArrayList<>(List.of(c));
    c.getSubcommands().values().forEach(s -> out.addAll(all(s)));
    return out;
  }

  @Test
  void everyCommandHasHelpAndItsTextFormatsCleanly() {
    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<String> seen = new ArrayList<>();
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (CommandLine c : all(new CommandLine(new Main()))) {
        String name = c.getCommandSpec().qualifiedName();
        if (name.endsWith(" help")) continue;
        seen.add(name);
        assertTrue(c.getCommandSpec().optionsMap().containsKey("--help"), name + " has --help");
        assertTrue(c.getCommandSpec().optionsMap().containsKey("--version"), name + " has --version");
        String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(usage.contains("Usage: " + name + " "), usage);
        // a lone % in a description is a format error: picocli prints the raw text and a warning
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), name + "'s help text");
      }
    } finally {
      System.setErr(err);
    }
    assertTrue(seen.containsAll(List.of("bench run", "bench report", "bench claims", "bench history add")), seen.toString());
  }
}
