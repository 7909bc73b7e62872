package org.polybench.harness.cli;

import java.io.PrintWriter;
import org.polybench.harness.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./bench: the one entry point. Each subcommand is one file; errors end here in one way. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    // every subcommand (and history's) gets --help and --version from here
    scope = CommandLine.ScopeType.INHERIT,
    version = "polybench " + org.polybench.harness.run.EnvironmentProbe.HARNESS_VERSION,
    description = "Runs equivalent workloads in Python, Rust and Java, verifies every answer, and charts the timings.",
    subcommands = {RunCommand.class, CrossCheckCommand.class, ReportCommand.class, ClaimsCommand.class, CompareCommand.class, ExportCommand.class, HistoryCommand.class, MergeCommand.class, ListCommand.class, DoctorCommand.class, BuildCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Tests: ./bench test (Rust, Java and Python suites)."})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: "
        + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
  }

  /** A whole number from the command line, or a message in the user's words. */
  static long wholeNumber(String value, long min, long max) {
    try {
      java.math.BigDecimal d = new java.math.BigDecimal(value.trim().replace("_", ""));
      long n = d.longValueExact();
      if (n < min || n > max) throw new ArithmeticException();
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number (e.g. 3 or 20)");
    }
  }

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams and returns the exit code (tests call this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    // ./bench completion: picocli's generated bash/zsh completion script (source <(./bench completion))
    cli.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
    cli.getSubcommands().get("completion").getCommandSpec().usageMessage().hidden(false)
        .description("Prints a bash/zsh completion script for ./bench: source <(./bench completion)");
    // whole numbers in the user's words, not Java's ("'0.5' is not an int")
    cli.registerConverter(Integer.class, v -> (int) wholeNumber(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cli.registerConverter(int.class, v -> (int) wholeNumber(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cli.registerConverter(Long.class, v -> wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE));
    cli.registerConverter(long.class, v -> wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof UserError u) {
            cmd.getErr().println("error: " + u.getMessage());
            return u.exitCode();
          }
          cmd.getErr().println("error: unexpected failure: " + ex);
          ex.printStackTrace(cmd.getErr());
          return 1;
        });
    cli.setParameterExceptionHandler(
        (ex, parsed) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("error: " + ex.getMessage());
          // picocli's "Did you mean: bench run?" / "Did you mean: --quick?" for a mistyped command or option
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
          cmd.getErr().println("(see ./bench " + (cmd.getCommandName().equals("bench") ? "" : cmd.getCommandName() + " ") + "--help)");
          return 2;
        });
    return cli.execute(args);
  }
}
