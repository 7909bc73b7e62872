package org.polybench.harness.cli;

import java.io.PrintWriter;
import org.polybench.harness.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./bench: the one entry point. Each subcommand is one file; errors end here in one way. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    version = "polybench " + org.polybench.harness.run.EnvironmentProbe.HARNESS_VERSION,
    description = "Runs equivalent workloads in Python, Rust and Java, verifies every answer, and charts the timings.",
    subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, ExportCommand.class, HistoryCommand.class, MergeCommand.class, ListCommand.class, DoctorCommand.class, BuildCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Tests: ./bench test (Rust, Java and Python suites)."})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: run, report, list, doctor or build (./bench --help)");
  }

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams and returns the exit code (tests call this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
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
          cmd.getErr().println("(see ./bench " + (cmd.getCommandName().equals("bench") ? "" : cmd.getCommandName() + " ") + "--help)");
          return 2;
        });
    return cli.execute(args);
  }
}
