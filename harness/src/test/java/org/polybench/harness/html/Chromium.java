package org.polybench.harness.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, from the JDK's own HTTP
 * client): open a page, evaluate an expression in it, collect console errors and exceptions,
 * take a screenshot. No Selenium, no driver binary: only the browser.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<String> errors = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** The browser binary: $POLYBENCH_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH; null if none. */
  static Path find() {
    String env = System.getenv("POLYBENCH_CHROMIUM");
    if (env != null && !env.isBlank()) return Path.of(env);
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return p;
      }
    }
    return null;
  }

  Chromium(Path binary, Path profile) throws IOException, InterruptedException {
    process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    String ws = null;
    StringBuilder log = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (ws == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
      log.append(line).append('\n');
      Matcher m = listening.matcher(line);
      if (m.find()) ws = m.group(1);
    }
    if (ws == null) {
      process.destroyForcibly();
      throw new IOException("Chromium did not start its DevTools endpoint; its output:\n" + log);
    }
    Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { }));
    URI browser = URI.create(ws);
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String page = null;
    for (JsonNode t : JSON.readTree(list)) {
      if ("page".equals(t.path("type").asText())) page = t.path("webSocketDebuggerUrl").asText();
    }
    if (page == null) throw new IOException("Chromium has no page target: " + list);
    socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(page), new Listener()).join();
    call("Runtime.enable", null);
    call("Log.enable", null);
    call("Page.enable", null);
  }

  /** Navigates and waits for the load event. */
  void open(URI url, int width, int height) throws IOException, InterruptedException {
    ObjectNode m = JSON.createObjectNode().put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", width < 600);
    call("Emulation.setDeviceMetricsOverride", m);
    call("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
    awaitEvent("Page.loadEventFired", 30);
  }

  /** The value of a JavaScript expression evaluated in the page (JSON-serialisable). */
  JsonNode evaluate(String expression) throws IOException, InterruptedException {
    JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) throw new IOException("the expression threw: " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** A PNG of the whole page at the current width. */
  void screenshot(Path file) throws IOException, InterruptedException {
    JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.path("data").asText()));
  }

  /** A PNG of the part of the page from y down, {@code height} pixels tall. */
  void screenshot(Path file, int y, int width, int height) throws IOException, InterruptedException {
    ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", y).put("width", width).put("height", height).put("scale", 1);
    ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    params.set("clip", clip);
    JsonNode r = call("Page.captureScreenshot", params);
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.path("data").asText()));
  }

  /** Console errors, uncaught exceptions and browser log errors (failed loads) seen so far. */
  List<String> errors() throws InterruptedException {
    drain();
    return List.copyOf(errors);
  }

  private JsonNode call(String method, JsonNode params) throws IOException, InterruptedException {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) msg.set("params", params);
    socket.sendText(JSON.writeValueAsString(msg), true).join();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode in = inbox.poll(1, TimeUnit.SECONDS);
      if (in == null) continue;
      if (in.path("id").asInt(-1) == id) {
        if (in.has("error")) throw new IOException(method + " failed: " + in.get("error"));
        return in.path("result");
      }
      event(in);
    }
    throw new IOException(method + ": no answer from Chromium within 60 s");
  }

  private void awaitEvent(String method, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      JsonNode in = inbox.poll(1, TimeUnit.SECONDS);
      if (in == null) continue;
      event(in);
      if (method.equals(in.path("method").asText())) return;
    }
    throw new IOException("no " + method + " within " + seconds + " s");
  }

  private void drain() throws InterruptedException {
    Thread.sleep(300);
    JsonNode in;
    while ((in = inbox.poll()) != null) event(in);
  }

  private void event(JsonNode in) {
    String method = in.path("method").asText("");
    JsonNode p = in.path("params");
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) errors.add("console." + type + ": " + p.path("args"));
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if ("error".equals(p.path("entry").path("level").asText())) errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText(""));
      }
      default -> { }
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser is going anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          inbox.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        partial.setLength(0);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
