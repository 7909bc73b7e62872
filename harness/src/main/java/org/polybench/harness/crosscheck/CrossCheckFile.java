package org.polybench.harness.crosscheck;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polybench.harness.store.Json;

/**
 * crosscheck.json in a run folder: {@code schema_version}, the agreement band, the settings of
 * both sides and one {@link CrossCheckRow} per cell. Written after every cell (atomically), so an
 * interrupted crosscheck keeps the cells it finished.
 */
public final class CrossCheckFile {
  public static final String FILE_NAME = "crosscheck.json";
  public static final int SCHEMA_VERSION = 1;

  private CrossCheckFile() {}

  public static void write(Path runDir, Map<String, Object> settings, List<CrossCheckRow> rows) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", SCHEMA_VERSION);
    doc.put("agreement", Map.of("ratio", "harness median / referee median", "ci_level", 0.95,
        "band", List.of(Agreement.LOW, Agreement.HIGH)));
    doc.put("settings", settings);
    doc.put("cells", rows);
    Path tmp = runDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, Json.mapper().writeValueAsString(doc), StandardCharsets.UTF_8);
    Files.move(tmp, runDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The rows of {@code runDir}'s crosscheck.json, or empty when it has none. */
  public static List<CrossCheckRow> read(Path runDir) throws IOException {
    Path f = runDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(f)) return List.of();
    JsonNode root = Json.mapper().readTree(Files.readString(f));
    return Json.mapper().convertValue(root.path("cells"), new TypeReference<List<CrossCheckRow>>() {});
  }
}
