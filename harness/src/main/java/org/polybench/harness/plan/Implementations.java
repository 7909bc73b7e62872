package org.polybench.harness.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The implementations a run can choose from, in catalogue order (runner by runner, each in its
 * own table's order). Built by {@link Catalogue} from what the runners answer to {@code --list}.
 */
public final class Implementations {
  private final Map<String, Implementation> byId = new LinkedHashMap<>();

  public Implementations(List<Implementation> all) {
    for (Implementation i : all) {
      if (byId.putIfAbsent(i.id(), i) != null) {
        throw new IllegalArgumentException("implementation " + i.id() + " is listed by two runners");
      }
    }
  }

  public List<Implementation> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Implementation> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<String> languages() {
    return byId.values().stream().map(Implementation::language).distinct().toList();
  }
}
