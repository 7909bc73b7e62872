package org.polybench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;
import org.polybench.harness.claims.ClaimsText;
import org.polybench.harness.claims.Evaluator;
import org.polybench.harness.claims.Outcome;
import org.polybench.harness.claims.Registry;
import org.polybench.harness.store.ResultsStore;
import org.polybench.harness.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ./bench claims: the verdicts of a run, from its results.json alone. */
@Command(
    name = "claims",
    description = {
      "Answers the articles' claims from a run folder's results.json: a verdict (supported, refuted, inconclusive)",
      "with its estimate and 95%% CI per claim, and the findings. Measures nothing."
    })
public final class ClaimsCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin RunDirArgument source;

  @Option(names = "--registry", paramLabel = "FILE", description = "a claims registry (JSON) instead of the built-in one")
  Path registry;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunRecord run = RunDirs.load(source.path());
    Registry reg = registry == null ? Registry.builtIn() : Registry.load(UserPaths.resolveNonEmpty(registry, "--registry"));
    List<Outcome> outcomes = Evaluator.evaluate(reg, run);
    spec.commandLine().getOut().print(ClaimsText.details(reg, outcomes, run));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
