package org.polybench.harness.lang;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of languages, in the order they are built and reported. */
public final class Languages {
  private static final Map<String, Language> ALL = new LinkedHashMap<>();

  static {
    register(new PythonLanguage());
    register(new RustLanguage());
    register(new JavaLanguage());
    register(new GraalPyLanguage());
    register(new StartupLanguage());
  }

  private Languages() {}

  private static void register(Language l) {
    ALL.put(l.name(), l);
  }

  public static List<Language> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<Language> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}
