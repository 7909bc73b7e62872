package org.polybench.harness.crosscheck;

import java.util.Map;
import java.util.Optional;
import org.polybench.harness.plan.Cell;

/** The referee of each runner, one line each. */
public final class Referees {
  private static final Map<String, Referee> BY_RUNNER = Map.of(
      "java", new JmhReferee(),
      "python", new PyperfReferee(),
      "rust", new CriterionReferee(),
      "startup", new HyperfineReferee());

  private Referees() {}

  /** The referee of {@code cell}'s runner, if it has one. */
  public static Optional<Referee> of(Cell cell) {
    return Optional.ofNullable(BY_RUNNER.get(cell.implementation().runner()));
  }
}
