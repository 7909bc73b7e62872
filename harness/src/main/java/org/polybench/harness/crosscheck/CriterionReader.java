package org.polybench.harness.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polybench.harness.store.Json;

/**
 * Reads what criterion writes for one benchmark id under {@code <criterion home>/<id>/new/}:
 * {@code estimates.json} (point estimates in ns per iteration: {@code slope} with linear
 * sampling, which is criterion's headline "time", else {@code mean}) and {@code sample.json}
 * ({@code iters} and total {@code times} in ns of each sample, so each sample's time per call is
 * times[i] / iters[i]).
 */
public final class CriterionReader {
  private CriterionReader() {}

  /** {@code benchDir} is {@code <criterion home>/<id>}. */
  public static RefereeResult read(Path benchDir) throws IOException {
    Path estimatesFile = benchDir.resolve("new/estimates.json");
    Path sampleFile = benchDir.resolve("new/sample.json");
    if (!Files.isRegularFile(estimatesFile)) throw new IOException("criterion wrote no " + estimatesFile);
    JsonNode estimates = Json.mapper().readTree(Files.readString(estimatesFile));
    JsonNode sample = Json.mapper().readTree(Files.readString(sampleFile));
    boolean slope = estimates.hasNonNull("slope");
    double figure = (slope ? estimates.get("slope") : estimates.path("mean")).path("point_estimate").asDouble(Double.NaN);
    if (Double.isNaN(figure)) throw new IOException(estimatesFile + ": no slope nor mean point_estimate");
    JsonNode iters = sample.path("iters");
    JsonNode times = sample.path("times");
    if (iters.size() != times.size() || iters.isEmpty()) throw new IOException(sampleFile + ": iters and times differ in length or are empty");
    List<Double> perCall = new ArrayList<>();
    for (int i = 0; i < iters.size(); i++) perCall.add(times.get(i).asDouble() / iters.get(i).asDouble());
    return new RefereeResult("criterion", figure, slope ? "slope" : "mean", List.of(perCall));
  }
}
