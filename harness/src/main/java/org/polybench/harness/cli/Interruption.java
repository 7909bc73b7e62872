package org.polybench.harness.cli;

import org.polybench.harness.view.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polybench.harness.store.ResultsStore;

/**
 * What Ctrl-C or SIGTERM says during a run: one line with how many cells were kept, where, and the
 * commands that draw them and finish the run. (results.json is saved after every cell.)
 */
final class Interruption implements AutoCloseable {
  private final Thread hook;
  private volatile boolean finished;

  private Interruption(Path dir, int planned) {
    hook = new Thread(() -> {
      if (!finished) System.err.println(System.lineSeparator() + message(dir, planned));
    }, "interrupted-run-note");
  }

  static Interruption install(Path dir, int planned) {
    Interruption i = new Interruption(dir, planned);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  /** The one line, from what results.json holds now. */
  static String message(Path dir, int planned) {
    int kept = 0;
    Path json = dir.resolve(ResultsStore.RESULTS_FILE);
    try {
      if (Files.isRegularFile(json)) kept = ResultsStore.load(json).measurements().size();
    } catch (Exception e) {
      kept = 0;
    }
    String d = Shell.quote(dir.toString());
    return "interrupted: " + kept + " of " + planned + " cells kept in " + json
        + "; draw them: ./bench report " + d + "; finish the run: ./bench run --resume " + d;
  }

  void finished() {
    finished = true;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (and says what was kept) unless finished
    }
  }
}
