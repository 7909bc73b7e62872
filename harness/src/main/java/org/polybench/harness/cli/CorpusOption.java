package org.polybench.harness.cli;

import java.nio.file.Path;
import java.util.List;
import org.polybench.harness.UserError;
import org.polybench.harness.plan.Cell;
import org.polybench.harness.plan.Plan;
import org.polybench.harness.plan.PlanRequest;
import org.polybench.harness.tokenize.TokenizeData;
import org.polybench.harness.workload.Tokenize;

/**
 * {@code ./bench run --corpus FILE}: the tokenize workload on a user's text instead of the
 * generated corpus (with the generated vocabulary of --seed). The file's byte count is the only
 * size; a missing, empty or non-ASCII file is rejected up front (exit 2, naming line and byte).
 */
final class CorpusOption {
  private CorpusOption() {}

  /** The request narrowed to tokenize at the corpus's size; {@code req} itself without a corpus. */
  static PlanRequest restrict(Path corpus, PlanRequest req) {
    if (corpus == null) return req;
    if (req.workloads() != null && !req.workloads().isEmpty()
        && !req.workloads().stream().map(String::trim).allMatch("tokenize"::equals)) {
      throw new UserError("--corpus applies to the tokenize workload only: use --workloads tokenize (or leave --workloads out)");
    }
    byte[] bytes = TokenizeData.checkCorpus(corpus);
    if (req.sizes() != null && !req.sizes().isEmpty()) {
      throw new UserError("--corpus sets the size itself (the file's byte count, " + bytes.length + "): drop --sizes");
    }
    return new PlanRequest(
        List.of("tokenize"), req.implementations(), req.languages(), List.of((long) bytes.length), req.threads(),
        req.quick(), req.seed(), req.warmup(), req.iterations(), req.timeout(), req.invocations());
  }

  /** The plan's tokenize cells on the user's corpus; {@code plan} itself without a corpus. */
  static Plan apply(Path corpus, Plan plan) {
    if (corpus == null) return plan;
    Tokenize onCorpus = Tokenize.withCorpus(corpus);
    List<Cell> cells =
        plan.cells().stream().map(c -> new Cell(onCorpus, c.implementation(), c.size(), c.threads())).toList();
    return new Plan(cells, plan.settings());
  }
}
