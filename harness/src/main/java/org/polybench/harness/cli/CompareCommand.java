package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polybench.harness.UserError;
import org.polybench.harness.compare.Comparer;
import org.polybench.harness.compare.Comparison;
import org.polybench.harness.compare.ComparisonFormat;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./bench compare BASE NEW: per-cell change with a significance test; gates CI on regressions. */
@Command(
    name = "compare",
    description = {
      "Compares two runs cell by cell: the ratio NEW/BASE of the medians with a 95%% bootstrap interval, a Mann-Whitney U",
      "test corrected for the number of cells, and a verdict (faster, slower, ~) that needs both significance and a change",
      "beyond --threshold. Cells unverified in either run are listed, never compared. Measures nothing.",
      "Exit code: 0 no regression; 1 a cell got slower beyond the threshold (named); 2 bad input (no shared cell,",
      "different seeds, different machines without --allow-different-machines)."
    })
public final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "the reference run: a run folder or its results.json")
  Path base;

  @Parameters(index = "1", paramLabel = "NEW", description = "the run to judge: a run folder or its results.json")
  Path next;

  @Option(names = "--threshold", paramLabel = "PERCENT", description = "the smallest change that counts, in percent (default: 5)")
  String threshold = "5";

  @Option(names = "--alpha", paramLabel = "P", description = "significance level after the correction (default: ${DEFAULT-VALUE})")
  double alpha = Comparison.Options.DEFAULT_ALPHA;

  @Option(names = "--correction", paramLabel = "NAME", description = "holm or bonferroni: the correction for testing many cells (default: holm)")
  String correction = "holm";

  @Option(names = "--format", paramLabel = "FORMAT", description = "console, markdown (a pull-request comment) or json (default: console)")
  String format = "console";

  @Option(names = "--output", paramLabel = "FILE", description = "also write the output to FILE")
  Path output;

  @Option(names = "--metric", paramLabel = "METRIC", description = "time (default) or instructions: the counts of runs made with ./bench run --instructions")
  String metric = "time";

  @Option(names = "--allow-different-machines", description = "compare runs of different machines anyway (noted in the output)")
  boolean allowDifferentMachines;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ComparisonFormat f = ComparisonFormat.byName(format);
    if (f == null) throw new UserError("--format " + format + ": choose one of " + String.join(", ", ComparisonFormat.NAMES));
    Comparison.Correction corr;
    try {
      corr = Comparison.Correction.valueOf(correction.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("--correction " + correction + ": choose holm or bonferroni");
    }
    if (!(alpha > 0 && alpha < 1)) throw new UserError("--alpha " + alpha + ": give a probability between 0 and 1, e.g. 0.05");
    Comparison.Options options = new Comparison.Options(percent(threshold), alpha, corr, allowDifferentMachines);
    Comparison c = switch (metric) {
      case "time" -> Comparer.compare(load(base), base.toString(), load(next), next.toString(), options);
      case "instructions" -> org.polybench.harness.compare.CountComparer.compare(load(base), runDir(base), load(next), runDir(next), options);
      default -> throw new UserError("--metric " + metric + ": choose time or instructions");
    };
    String text = f.render(c);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    if (output != null) {
      try {
        Files.writeString(output, text);
      } catch (IOException e) {
        throw new UserError("cannot write --output " + output + ": " + e.getMessage());
      }
    }
    return c.exitCode();
  }

  static double percent(String s) {
    String t = s.strip();
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
    try {
      double v = Double.parseDouble(t);
      if (v >= 0 && v < 1000) return v / 100;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UserError("--threshold " + s + ": give a percentage such as 5 or 2.5%");
  }

  static Path runDir(Path p) {
    return RunDirs.folder(p);
  }

  /** A run folder or a results.json, read; a clear exit-2 message when it is neither. */
  static RunRecord load(Path p) {
    return RunDirs.load(UserPaths.resolveNonEmpty(p, "RUN"));
  }
}
