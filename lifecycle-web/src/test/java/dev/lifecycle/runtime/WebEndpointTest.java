package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.runtime.internal.PortProbe;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @WebEndpoint}s served over real HTTP by a real container. */
class WebEndpointTest {

  /** The service behind the endpoints; its fields let tests hold and observe requests. */
  static final class Shop {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger arrivals = new AtomicInteger();
    final List<String> events = new ArrayList<>();

    Summary summarize(String label, List<Integer> numbers, int scale) {
      int sum = numbers.stream().mapToInt(Integer::intValue).sum() * scale;
      return new Summary(label, sum, numbers.size());
    }

    String repeat(String text, int n, boolean shout) {
      String repeated = text.repeat(n);
      return shout ? repeated.toUpperCase() : repeated;
    }

    /** Runs until {@link #release}, counting the requests that run at once. */
    Object hold() throws InterruptedException {
      arrivals.incrementAndGet();
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      try {
        release.await();
      } finally {
        running.decrementAndGet();
      }
      return "held";
    }
  }

  record Summary(String label, int sum, int count) {}

  record Box(int width, int height) {}

  enum Color { RED, GREEN }

  private final List<Container<Shop>> started = new ArrayList<>();
  private Container<Shop> container;
  private URI base;

  @BeforeEach
  void start() {
    container = startShop(2, Duration.ofMillis(500));
    base = container.webAddress().orElseThrow();
  }

  /** A shop of its own, for tests that need other options than the shared one. */
  private Container<Shop> startShop(int maxConcurrentInputs, Duration inputTimeout) {
    Container<Shop> started = HandDispatcher.of(Shop.class, Shop::new)
        .options(maxConcurrentInputs, inputTimeout, Duration.ofSeconds(10))
        .exit("close", shop -> shop.events.add("exit"))
        .endpoint("POST", "/summarize",
            method("summarize", Summary.class,
                param("label", String.class),
                param("numbers", List.class, "java.util.List<java.lang.Integer>"),
                param("scale", int.class)),
            (shop, args) -> shop.summarize((String) args[0], castList(args[1]), (Integer) args[2]))
        .endpoint("GET", "/repeat",
            method("repeat", String.class,
                param("text", String.class), param("n", int.class), param("shout", boolean.class)),
            (shop, args) -> shop.repeat((String) args[0], (Integer) args[1], (Boolean) args[2]))
        .endpoint("DELETE", "/repeat", method("forget", void.class), (shop, args) -> null)
        .endpoint("POST", "/ping", method("ping", String.class), (shop, args) -> "pong")
        .endpoint("PUT", "/reset", method("reset", void.class),
            (shop, args) -> {
              shop.events.add("reset");
              return null;
            })
        .endpoint("POST", "/fail", method("fail", String.class),
            (shop, args) -> {
              throw new IllegalStateException("the shop is closed");
            })
        .endpoint("POST", "/slow", method("slow", String.class),
            (shop, args) -> {
              Thread.sleep(10_000);
              return "late";
            })
        .endpoint("POST", "/hold", method("hold", String.class), (shop, args) -> shop.hold())
        .endpoint("POST", "/square", method("square", int.class, param("n", int.class)),
            (shop, args) -> (Integer) args[0] * (Integer) args[0])
        .endpoint("POST", "/echo",
            method("echo", String.class, param("text", String.class), param("flag", boolean.class)),
            (shop, args) -> args[0] + " " + args[1])
        .endpoint("GET", "/paint", method("paint", String.class, param("color", Color.class)),
            (shop, args) -> ((Color) args[0]).name())
        .endpoint("POST", "/paint", method("repaint", String.class, param("color", Color.class)),
            (shop, args) -> ((Color) args[0]).name())
        .endpoint("GET", "/total",
            method("total", int.class, param("n", List.class, "java.util.List<java.lang.Integer>")),
            (shop, args) -> castList(args[0]).stream().mapToInt(Integer::intValue).sum())
        .endpoint("POST", "/area", method("area", int.class, param("box", Box.class)),
            (shop, args) -> ((Box) args[0]).width() * ((Box) args[0]).height())
        .endpoint("POST", "/count",
            method("count", int.class,
                param("counts", Map.class, "java.util.Map<java.lang.String,java.lang.Integer>")),
            (shop, args) -> castMap(args[0]).values().stream().mapToInt(Integer::intValue).sum())
        .endpoint("POST", "/block", method("block", String.class),
            (shop, args) -> {
              shop.entered.countDown();
              shop.release.await();
              return "released";
            })
        .start();
    this.started.add(started);
    return started;
  }

  @AfterEach
  void stop() {
    for (Container<Shop> shop : started) {
      shop.instance().release.countDown();
      shop.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> castList(Object list) {
    return (List<Integer>) list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> castMap(Object map) {
    return (Map<String, Integer>) map;
  }

  @Test
  void theAddressIsLoopbackOnAFreePort() {
    assertThat(base.getScheme()).isEqualTo("http");
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    assertThat(base.getPort()).isPositive();
    assertThat(base.getPath()).isEqualTo("/");
  }

  @Test
  void postMapsJsonFieldsToParametersByNameAndReturnsTheResultAsJson() {
    HttpResponse<String> response =
        Http.post(base, "/summarize", "{\"numbers\": [1, 2, 3], \"scale\": 10, \"label\": \"x\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = JsonBodies.json(response);
    assertThat(body.get("label").asText()).isEqualTo("x");
    assertThat(body.get("sum").asInt()).isEqualTo(60);
    assertThat(body.get("count").asInt()).isEqualTo(3);
  }

  @Test
  void getTakesItsParametersFromTheQueryString() {
    HttpResponse<String> response = Http.get(base, "/repeat?text=ab%20&n=3&shout=true");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(response).asText()).isEqualTo("AB AB AB ");
  }

  @Test
  void aVoidEndpointAnswers204AndAnEmptyBodyIsFineWithoutParameters() {
    HttpResponse<String> reset = Http.send("PUT", base, "/reset", "");
    HttpResponse<String> ping = Http.post(base, "/ping", null);

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(reset.body()).isEmpty();
    assertThat(container.instance().events).containsExactly("reset");
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(ping).asText()).isEqualTo("pong");
  }

  @Test
  void malformedJsonIs400WithTheParsersMessageAndLocation() {
    HttpResponse<String> response = Http.post(base, "/summarize", "{\"label\": \"x\",, }");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JsonBodies.error(response))
        .contains("@WebEndpoint POST /summarize", "not valid JSON", "line 1, column");
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    HttpResponse<String> response = Http.post(base, "/summarize", "[1, 2]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(response)).contains("must be a JSON object", "an array");
  }

  @Test
  void aValueOfTheWrongTypeIs400NamingTheParameterAndItsType() {
    HttpResponse<String> body =
        Http.post(base, "/summarize", "{\"label\": \"x\", \"numbers\": [1, \"two\"], \"scale\": 1}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&n=many&shout=false");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(body))
        .contains("/summarize", "parameter 'numbers'", "java.util.List<java.lang.Integer>");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(query)).contains("GET /repeat", "parameter 'n'", "must be int");
  }

  @Test
  void aMissingParameterIs400NamingIt() {
    HttpResponse<String> body = Http.post(base, "/summarize", "{\"label\": \"x\", \"scale\": 1}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&shout=true");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(body)).contains("missing parameter 'numbers'");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(query)).contains("missing parameter 'n'", "?n=");
  }

  @Test
  void anUnknownFieldOrQueryParameterIs400ListingTheExpectedOnes() {
    HttpResponse<String> body = Http.post(base, "/summarize",
        "{\"label\": \"x\", \"numbers\": [], \"scale\": 1, \"scael\": 2}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&n=1&shout=true&loud=1");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(body)).contains("unknown field 'scael'",
        "label (java.lang.String), numbers (java.util.List<java.lang.Integer>), scale (int)");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(query)).contains("unknown query parameter 'loud'", "text (java.lang.String)");
  }

  @Test
  void anUnknownPathIs404ListingTheEndpoints() {
    HttpResponse<String> response = Http.get(base, "/nope");
    HttpResponse<String> prefix = Http.get(base, "/repeat/more?text=a&n=1&shout=true");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JsonBodies.error(response)).contains("/nope", "POST /summarize", "GET /repeat");
    assertThat(prefix.statusCode()).as("paths match exactly, not by prefix").isEqualTo(404);
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAnAllowHeader() {
    HttpResponse<String> response = Http.send("PUT", base, "/repeat", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD");
    assertThat(JsonBodies.error(response)).contains("/repeat", "not PUT");
  }

  @Test
  void anEndpointThatThrowsIs500AndTheContainerKeepsServing() {
    HttpResponse<String> failed = Http.post(base, "/fail", "");
    HttpResponse<String> next = Http.post(base, "/ping", "");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(JsonBodies.error(failed)).contains(
        "@WebEndpoint POST /fail", "java.lang.IllegalStateException: the shop is closed");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(container.phase()).isEqualTo(Phase.RUNNING);
  }

  @Test
  void anEndpointThatOverrunsTheInputTimeoutIs504() {
    HttpResponse<String> response = Http.post(base, "/slow", "");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(JsonBodies.error(response)).contains("@WebEndpoint POST /slow", "input timeout of 500 ms");
    assertThat(Http.post(base, "/ping", "").statusCode()).isEqualTo(200);
  }

  @Test
  void exactlyMaxConcurrentInputsRequestsRunAtOnceAndTheNextWaits() throws Exception {
    Container<Shop> roomy = startShop(2, Duration.ofSeconds(30));
    URI address = roomy.webAddress().orElseThrow();
    Shop shop = roomy.instance();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      responses.add(Http.sendAsync("POST", address, "/hold", ""));
    }

    awaitCount(shop.running, 2);
    Thread.sleep(300); // time enough for the third to start, if it could
    assertThat(shop.running.get()).as("running at once").isEqualTo(2);
    assertThat(shop.arrivals.get()).as("the third waits for a slot").isEqualTo(2);
    assertThat(responses).noneMatch(CompletableFuture::isDone);

    shop.release.countDown();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(shop.arrivals.get()).isEqualTo(3);
    assertThat(shop.maxRunning.get()).isEqualTo(2);
  }

  @Test
  void requestsWaitingForASlotDelayNoOtherAnswerAndEachGetsOneWhenTheContainerStops()
      throws Exception {
    Container<Shop> single = startShop(1, Duration.ofSeconds(30));
    URI address = single.webAddress().orElseThrow();
    Shop shop = single.instance();
    CompletableFuture<HttpResponse<String>> holder = Http.sendAsync("POST", address, "/block", "");
    assertThat(shop.entered.await(10, TimeUnit.SECONDS)).isTrue();
    // More requests waiting for the one slot than the frontend used to have threads.
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      waiting.add(Http.sendAsync("POST", address, "/ping", ""));
    }
    Thread.sleep(300); // let them reach the server and queue for the slot

    List<CompletableFuture<HttpResponse<String>>> unknown = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      unknown.add(Http.sendAsync("GET", address, "/nope", null));
    }
    for (CompletableFuture<HttpResponse<String>> response : unknown) {
      assertThat(response.get(5, TimeUnit.SECONDS).statusCode())
          .as("answered while the slot is held").isEqualTo(404);
    }
    assertThat(waiting).noneMatch(CompletableFuture::isDone);

    CompletableFuture<StopReport> stopping = CompletableFuture.supplyAsync(single::stop);
    awaitPhase(single, Phase.STOPPING);
    shop.release.countDown();

    assertThat(holder.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    for (CompletableFuture<HttpResponse<String>> response : waiting) {
      // An exception here (a connection closed without an answer) fails the test.
      HttpResponse<String> refused = response.get(10, TimeUnit.SECONDS);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(JsonBodies.error(refused)).contains("is stopping", single.id());
    }
    assertThat(stopping.get(10, TimeUnit.SECONDS).isClean()).isTrue();
    assertThat(PortProbe.accepts(address.getPort())).as("the port is closed").isFalse();
  }

  @Test
  void headIsServedWhereverGetIsWithTheSameStatusAndHeadersAndNoBody() {
    HttpResponse<String> get = Http.get(base, "/repeat?text=ab&n=2&shout=false");
    HttpResponse<String> head = Http.send("HEAD", base, "/repeat?text=ab&n=2&shout=false", null);
    HttpResponse<String> badHead = Http.send("HEAD", base, "/repeat?text=ab", null);
    HttpResponse<String> postOnly = Http.send("HEAD", base, "/ping", null);

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length());
    assertThat(badHead.statusCode()).as("the GET's 400").isEqualTo(400);
    assertThat(badHead.body()).isEmpty();
    assertThat(postOnly.statusCode()).isEqualTo(405);
    assertThat(postOnly.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void nothingIsServedBeforeTheEnterHooksReturned() throws Exception {
    int port = Http.freePort();
    CountDownLatch entering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Container<Shop>> starting = CompletableFuture.supplyAsync(() ->
        HandDispatcher.of(Shop.class, Shop::new)
            .enter("open", shop -> {
              entering.countDown();
              release.await();
            })
            .endpoint("POST", "/ping", method("ping", String.class), (shop, args) -> "pong")
            .container()
            .webPort(port)
            .start());
    assertThat(entering.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(PortProbe.accepts(port)).as("listening while the enter hook runs").isFalse();
    release.countDown();
    try (Container<Shop> shop = starting.get(10, TimeUnit.SECONDS)) {
      assertThat(shop.webAddress()).hasValue(URI.create("http://127.0.0.1:" + port + "/"));
      assertThat(Http.post(shop.webAddress().orElseThrow(), "/ping", "").body()).isEqualTo("\"pong\"");
    }
  }

  @Test
  void jsonValuesOfAnotherJsonTypeAre400NotCoerced() {
    assertBadValue(Http.post(base, "/square", "{\"n\": 1.9}"), "parameter 'n' must be int");
    assertBadValue(Http.post(base, "/square", "{\"n\": \"12\"}"), "parameter 'n' must be int");
    assertBadValue(Http.post(base, "/square", "{\"n\": \"\"}"), "parameter 'n' must be int");
    assertBadValue(Http.post(base, "/echo", "{\"text\": 5, \"flag\": true}"),
        "parameter 'text' must be java.lang.String");
    assertBadValue(Http.post(base, "/echo", "{\"text\": \"a\", \"flag\": \"\"}"),
        "parameter 'flag' must be boolean");
    assertBadValue(Http.post(base, "/echo", "{\"text\": \"a\", \"flag\": 1}"),
        "parameter 'flag' must be boolean");
    assertBadValue(Http.post(base, "/paint", "{\"color\": 0}"), "parameter 'color' must be");
    assertBadValue(Http.post(base, "/area", "{\"box\": {\"width\": \"2\", \"height\": 3}}"),
        "parameter 'box' must be");
  }

  @Test
  void missingOrNullValuesAndRepeatedFieldsAre400NotDefaults() {
    assertBadValue(Http.post(base, "/area", "{\"box\": {\"width\": 2}}"),
        "parameter 'box' must be", "height");
    assertBadValue(Http.post(base, "/area", "{\"box\": {\"width\": 2, \"height\": null}}"),
        "parameter 'box' must be");
    assertBadValue(Http.post(base, "/area", "{\"box\": null}"), "parameter 'box'", "is null");
    assertBadValue(Http.post(base, "/echo", "{\"text\": null, \"flag\": true}"),
        "parameter 'text' (java.lang.String) is null: send a value");
    HttpResponse<String> repeated = Http.post(base, "/square", "{\"n\": 1, \"n\": 5}");
    assertThat(repeated.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.error(repeated)).contains("not valid JSON").contains("Duplicate field 'n'");
  }

  @Test
  void emptyQueryValuesAre400ExceptForText() {
    HttpResponse<String> emptyNumber = Http.get(base, "/repeat?text=a&n=&shout=true");
    HttpResponse<String> bareFlag = Http.get(base, "/repeat?text=a&n=2&shout");
    HttpResponse<String> emptyItem = Http.get(base, "/total?n=1&n=");
    HttpResponse<String> emptyText = Http.get(base, "/repeat?text=&n=2&shout=false");

    assertBadValue(emptyNumber, "query parameter 'n' is empty", "must be int", "?n=");
    assertBadValue(bareFlag, "query parameter 'shout' is empty", "must be boolean");
    assertBadValue(emptyItem, "query parameter 'n' is empty", "java.util.List<java.lang.Integer>");
    assertThat(emptyText.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(emptyText).asText()).isEmpty();
  }

  @Test
  void valuesOfTheRightTypeStillWork() {
    assertOk(Http.post(base, "/square", "{\"n\": 12}"), "144");
    assertOk(Http.get(base, "/repeat?text=ab&n=12&shout=true"), "\"" + "AB".repeat(12) + "\"");
    assertOk(Http.post(base, "/echo", "{\"text\": \"\", \"flag\": false}"), "\" false\"");
    assertOk(Http.get(base, "/paint?color=GREEN"), "\"GREEN\"");
    assertOk(Http.post(base, "/paint", "{\"color\": \"RED\"}"), "\"RED\"");
    assertOk(Http.get(base, "/total?n=1&n=2&n=3"), "6");
    assertOk(Http.post(base, "/area", "{\"box\": {\"width\": 2, \"height\": 3}}"), "6");
    assertOk(Http.post(base, "/count", "{\"counts\": {\"a\": 1, \"b\": 2}}"), "3");
    assertBadValue(Http.get(base, "/paint?color=0"), "parameter 'color' must be");
  }

  private static void assertBadValue(HttpResponse<String> response, String... parts) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(JsonBodies.error(response)).contains(parts).doesNotContain("CoercionConfig");
  }

  private static void assertOk(HttpResponse<String> response, String json) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(json);
  }

  @Test
  void onceStoppingNewRequestsGet503InFlightOnesFinishAndThenThePortCloses() throws Exception {
    Shop shop = container.instance();
    CompletableFuture<HttpResponse<String>> inFlight = Http.sendAsync("POST", base, "/block", "");
    assertThat(shop.entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<StopReport> stopping = CompletableFuture.supplyAsync(container::stop);
    awaitPhase(Phase.STOPPING);

    HttpResponse<String> refused = Http.post(base, "/ping", "");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(JsonBodies.error(refused)).contains("is stopping", container.id());
    assertThat(stopping).isNotDone(); // held in its drain by the request in flight
    shop.release.countDown();
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(inFlight.get()).asText()).isEqualTo("released");
    assertThat(stopping.get(10, TimeUnit.SECONDS).isClean()).isTrue();
    assertThat(shop.events).containsExactly("exit");
    assertThat(PortProbe.accepts(base.getPort())).as("the port is closed").isFalse();
  }

  private void awaitPhase(Phase phase) throws InterruptedException {
    awaitPhase(container, phase);
  }

  private static void awaitPhase(Container<?> target, Phase phase) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (target.phase() != phase && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(target.phase()).isEqualTo(phase);
  }

  private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(count.get()).isEqualTo(expected);
  }
}
