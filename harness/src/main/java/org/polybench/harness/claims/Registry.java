package org.polybench.harness.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polybench.harness.UserError;
import org.polybench.harness.claims.ClaimSpec.Condition;
import org.polybench.harness.claims.ClaimSpec.MetricSpec;
import org.polybench.harness.claims.ClaimSpec.RangeSpec;

/**
 * The claims registry: the articles and their claims as data (claims.json beside this class, or a
 * file given to {@code ./bench claims --registry}). A bad entry is refused with a message naming
 * the entry and the key at fault.
 */
public record Registry(Map<String, String> articles, List<ClaimSpec> claims) {
  /** The registry shipped with the harness. */
  public static final String RESOURCE = "claims.json";

  static final Set<String> KINDS =
      Set.of("time-ratio", "speedup", "bytes-per-element-ratio", "tail-spread-ratio", "median-time", "crossover");

  private static final Set<String> METRIC_KEYS =
      Set.of("kind", "workloads", "sizes", "numerators", "optional", "denominator", "threads", "gil", "thresholds");

  public static Registry builtIn() {
    try (InputStream in = Registry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " missing from the harness jar (a build problem)");
      return parse(new ObjectMapper().readTree(in), RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  public static Registry load(Path file) {
    if (!Files.isRegularFile(file)) throw new UserError("no claims registry at " + file + ": give a JSON file like harness/src/main/resources/org/polybench/harness/claims/claims.json");
    try {
      return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new UserError("cannot read the claims registry " + file + ": " + e.getMessage());
    }
  }

  public ClaimSpec find(String id) {
    return claims.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  /** "A: title" citations of a claim's articles. */
  public List<String> titles(ClaimSpec c) {
    return c.articles().stream().map(a -> articles.getOrDefault(a, a)).toList();
  }

  static Registry parse(JsonNode root, String where) {
    if (root == null || !root.isObject()) throw bad(where, "the registry must be a JSON object with \"articles\" and \"claims\"");
    Map<String, String> articles = new LinkedHashMap<>();
    JsonNode a = root.path("articles");
    for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      articles.put(e.getKey(), e.getValue().asText());
    }
    JsonNode list = root.path("claims");
    if (!list.isArray() || list.isEmpty()) throw bad(where, "\"claims\" must be a non-empty array");
    List<ClaimSpec> claims = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode c : list) {
      String id = text(c, "id", where, "an entry");
      if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw bad(where, "claim id '" + id + "': use lower-case words joined by '-' (it becomes an anchor)");
      if (!ids.add(id)) throw bad(where, "claim id '" + id + "' appears twice");
      String ctx = "claim '" + id + "'";
      String type = c.path("type").asText("claim");
      if (!type.equals("claim") && !type.equals("finding")) throw bad(where, ctx + ": type must be claim or finding, not '" + type + "'");
      List<String> arts = strings(c.path("articles"));
      for (String art : arts) {
        if (!articles.containsKey(art)) throw bad(where, ctx + ": article '" + art + "' is not in \"articles\"");
      }
      MetricSpec metric = metric(c.path("metric"), where, ctx);
      RangeSpec range = range(c.path("range"), where, ctx);
      if (type.equals("claim") && range == null && !metric.kind().equals("crossover")) {
        throw bad(where, ctx + ": a claim needs a \"range\" with \"low\" and/or \"high\" (or make it a finding)");
      }
      List<Condition> also = new ArrayList<>();
      for (JsonNode x : c.path("also")) {
        RangeSpec r = range(x.path("range"), where, ctx + " (also)");
        if (r == null) throw bad(where, ctx + ": every \"also\" condition needs a \"range\"");
        also.add(new Condition(metric(x.path("metric"), where, ctx + " (also)"), r, x.path("mapping").asText("")));
      }
      String combine = c.path("combine").asText(type.equals("finding") ? "each" : "every");
      if (!combine.equals("every") && !combine.equals("each")) throw bad(where, ctx + ": combine must be every or each");
      claims.add(new ClaimSpec(id, type, arts, c.path("quote").asText(""), text(c, "statement", where, ctx), metric, range,
          text(c, "mapping", where, ctx), List.copyOf(also), combine));
    }
    return new Registry(Map.copyOf(articles), List.copyOf(claims));
  }

  private static MetricSpec metric(JsonNode m, String where, String ctx) {
    if (!m.isObject()) throw bad(where, ctx + ": needs a \"metric\" object");
    String kind = text(m, "kind", where, ctx + " metric");
    if (!KINDS.contains(kind)) throw bad(where, ctx + ": metric kind '" + kind + "' is not one of " + new java.util.TreeSet<>(KINDS));
    List<String> workloads = strings(m.path("workloads"));
    if (workloads.isEmpty()) throw bad(where, ctx + ": metric needs \"workloads\"");
    List<String> numerators = strings(m.path("numerators"));
    if (numerators.isEmpty()) throw bad(where, ctx + ": metric needs \"numerators\" (implementations such as python/pure or rust/*)");
    for (String n : numerators) checkPattern(n, where, ctx);
    String denominator = m.hasNonNull("denominator") ? m.get("denominator").asText() : null;
    boolean needsDenominator = !kind.equals("speedup") && !kind.equals("median-time");
    if (needsDenominator && denominator == null) throw bad(where, ctx + ": a " + kind + " metric needs a \"denominator\"");
    if (denominator != null) checkPattern(denominator, where, ctx);
    String sizes = sizes(m.path("sizes"), kind, where, ctx);
    String threads = m.hasNonNull("threads") ? m.get("threads").asText() : null;
    if (kind.equals("speedup") && !"cores".equals(threads) && (threads == null || !threads.matches("[1-9][0-9]*"))) {
      throw bad(where, ctx + ": a speedup needs \"threads\": \"cores\" or a thread count");
    }
    String gil = m.hasNonNull("gil") ? m.get("gil").asText() : null;
    if (gil != null && !gil.equals("on") && !gil.equals("off")) throw bad(where, ctx + ": gil must be on or off");
    List<Double> thresholds = new ArrayList<>();
    for (JsonNode t : m.path("thresholds")) thresholds.add(t.asDouble());
    if (kind.equals("crossover") && thresholds.isEmpty()) throw bad(where, ctx + ": a crossover needs \"thresholds\", e.g. [1, 10]");
    Map<String, String> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!METRIC_KEYS.contains(e.getKey())) extra.put(e.getKey(), e.getValue().asText());
    }
    if (kind.equals("bytes-per-element-ratio") && !extra.containsKey("baseline_field")) {
      throw bad(where, ctx + ": a bytes-per-element-ratio needs \"baseline_field\" (the extra key holding the baseline RSS)");
    }
    List<String> optional = strings(m.path("optional"));
    return new MetricSpec(kind, workloads, sizes, numerators, optional, denominator, threads, gil, List.copyOf(thresholds), Map.copyOf(extra));
  }

  private static String sizes(JsonNode s, String kind, String where, String ctx) {
    if (s.isMissingNode() || s.isNull()) return kind.equals("crossover") ? "all" : "largest";
    if (s.isTextual() && (s.asText().equals("largest") || s.asText().equals("all"))) return s.asText();
    if (s.isObject() && s.size() == 1 && (s.has("min") || s.has("exact")) && s.elements().next().canConvertToLong()) {
      String key = s.has("min") ? "min" : "exact";
      return key + ":" + s.get(key).asLong();
    }
    throw bad(where, ctx + ": sizes must be \"largest\", \"all\", {\"min\": N} or {\"exact\": N}");
  }

  private static RangeSpec range(JsonNode r, String where, String ctx) {
    if (r.isMissingNode() || r.isNull()) return null;
    Double low = r.hasNonNull("low") ? r.get("low").asDouble() : null;
    Double high = r.hasNonNull("high") ? r.get("high").asDouble() : null;
    if (low == null && high == null) throw bad(where, ctx + ": a range needs \"low\" and/or \"high\"");
    if (low != null && high != null && !(low < high)) throw bad(where, ctx + ": range low must be below high");
    if ((low != null && low <= 0) || (high != null && high <= 0)) throw bad(where, ctx + ": range bounds must be positive (they are drawn on a log axis)");
    return new RangeSpec(low, high, r.path("per_core").asBoolean(false));
  }

  private static void checkPattern(String p, String where, String ctx) {
    if (!p.matches("[a-z0-9]+/([a-z0-9]+(-[a-z0-9]+)*|\\*)")) {
      throw bad(where, ctx + ": '" + p + "' is not an implementation (language/variant, or language/* for the fastest of a language)");
    }
  }

  private static String text(JsonNode n, String key, String where, String ctx) {
    JsonNode v = n.path(key);
    if (!v.isTextual() || v.asText().isBlank()) throw bad(where, ctx + ": needs \"" + key + "\" (text)");
    return v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) out.add(x.asText());
    return List.copyOf(out);
  }

  private static UserError bad(String where, String what) {
    return new UserError("claims registry " + where + ": " + what);
  }
}
