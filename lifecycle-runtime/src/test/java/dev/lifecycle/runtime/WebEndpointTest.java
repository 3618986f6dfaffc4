package dev.lifecycle.runtime;

import static dev.lifecycle.runtime.HandDispatcher.method;
import static dev.lifecycle.runtime.HandDispatcher.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.runtime.web.PortProbe;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    final List<String> events = new ArrayList<>();

    Summary summarize(String label, List<Integer> numbers, int scale) {
      int sum = numbers.stream().mapToInt(Integer::intValue).sum() * scale;
      return new Summary(label, sum, numbers.size());
    }

    String repeat(String text, int n, boolean shout) {
      String repeated = text.repeat(n);
      return shout ? repeated.toUpperCase() : repeated;
    }

    Object crowded() throws InterruptedException {
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      Thread.sleep(100);
      running.decrementAndGet();
      return "ok";
    }
  }

  record Summary(String label, int sum, int count) {}

  private Container<Shop> container;
  private URI base;

  @BeforeEach
  void start() {
    container = HandDispatcher.of(Shop.class, Shop::new)
        .options(2, Duration.ofMillis(500), Duration.ofSeconds(10))
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
        .endpoint("POST", "/crowded", method("crowded", String.class), (shop, args) -> shop.crowded())
        .endpoint("POST", "/block", method("block", String.class),
            (shop, args) -> {
              shop.entered.countDown();
              shop.release.await();
              return "released";
            })
        .start();
    base = container.webAddress().orElseThrow();
  }

  @AfterEach
  void stop() {
    container.instance().release.countDown();
    container.close();
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> castList(Object list) {
    return (List<Integer>) list;
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
    JsonNode body = Http.json(response);
    assertThat(body.get("label").asText()).isEqualTo("x");
    assertThat(body.get("sum").asInt()).isEqualTo(60);
    assertThat(body.get("count").asInt()).isEqualTo(3);
  }

  @Test
  void getTakesItsParametersFromTheQueryString() {
    HttpResponse<String> response = Http.get(base, "/repeat?text=ab%20&n=3&shout=true");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).asText()).isEqualTo("AB AB AB ");
  }

  @Test
  void aVoidEndpointAnswers204AndAnEmptyBodyIsFineWithoutParameters() {
    HttpResponse<String> reset = Http.send("PUT", base, "/reset", "");
    HttpResponse<String> ping = Http.post(base, "/ping", null);

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(reset.body()).isEmpty();
    assertThat(container.instance().events).containsExactly("reset");
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(Http.json(ping).asText()).isEqualTo("pong");
  }

  @Test
  void malformedJsonIs400WithTheParsersMessageAndLocation() {
    HttpResponse<String> response = Http.post(base, "/summarize", "{\"label\": \"x\",, }");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(Http.error(response))
        .contains("@WebEndpoint POST /summarize", "not valid JSON", "line 1, column");
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    HttpResponse<String> response = Http.post(base, "/summarize", "[1, 2]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.error(response)).contains("must be a JSON object", "an array");
  }

  @Test
  void aValueOfTheWrongTypeIs400NamingTheParameterAndItsType() {
    HttpResponse<String> body =
        Http.post(base, "/summarize", "{\"label\": \"x\", \"numbers\": [1, \"two\"], \"scale\": 1}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&n=many&shout=false");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(Http.error(body))
        .contains("/summarize", "parameter 'numbers'", "java.util.List<java.lang.Integer>");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(Http.error(query)).contains("GET /repeat", "parameter 'n'", "must be int");
  }

  @Test
  void aMissingParameterIs400NamingIt() {
    HttpResponse<String> body = Http.post(base, "/summarize", "{\"label\": \"x\", \"scale\": 1}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&shout=true");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(Http.error(body)).contains("missing parameter 'numbers'");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(Http.error(query)).contains("missing parameter 'n'", "?n=");
  }

  @Test
  void anUnknownFieldOrQueryParameterIs400ListingTheExpectedOnes() {
    HttpResponse<String> body = Http.post(base, "/summarize",
        "{\"label\": \"x\", \"numbers\": [], \"scale\": 1, \"scael\": 2}");
    HttpResponse<String> query = Http.get(base, "/repeat?text=a&n=1&shout=true&loud=1");

    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(Http.error(body)).contains("unknown field 'scael'",
        "label (java.lang.String), numbers (java.util.List<java.lang.Integer>), scale (int)");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(Http.error(query)).contains("unknown query parameter 'loud'", "text (java.lang.String)");
  }

  @Test
  void anUnknownPathIs404ListingTheEndpoints() {
    HttpResponse<String> response = Http.get(base, "/nope");
    HttpResponse<String> prefix = Http.get(base, "/repeat/more?text=a&n=1&shout=true");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.error(response)).contains("/nope", "POST /summarize", "GET /repeat");
    assertThat(prefix.statusCode()).as("paths match exactly, not by prefix").isEqualTo(404);
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAnAllowHeader() {
    HttpResponse<String> response = Http.send("PUT", base, "/repeat", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET");
    assertThat(Http.error(response)).contains("/repeat", "not PUT");
  }

  @Test
  void anEndpointThatThrowsIs500AndTheContainerKeepsServing() {
    HttpResponse<String> failed = Http.post(base, "/fail", "");
    HttpResponse<String> next = Http.post(base, "/ping", "");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(Http.error(failed)).contains(
        "@WebEndpoint POST /fail", "java.lang.IllegalStateException: the shop is closed");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(container.phase()).isEqualTo(Phase.RUNNING);
  }

  @Test
  void anEndpointThatOverrunsTheInputTimeoutIs504() {
    HttpResponse<String> response = Http.post(base, "/slow", "");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(Http.error(response)).contains("@WebEndpoint POST /slow", "input timeout of 500 ms");
    assertThat(Http.post(base, "/ping", "").statusCode()).isEqualTo(200);
  }

  @Test
  void atMostMaxConcurrentInputsRequestsRunAtOnce() {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      responses.add(Http.sendAsync("POST", base, "/crowded", ""));
    }

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.join().statusCode()).isEqualTo(200);
    }
    assertThat(container.instance().maxRunning.get()).isBetween(1, 2);
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
    assertThat(Http.error(refused)).contains("is stopping", container.id());
    assertThat(stopping).isNotDone(); // held in its drain by the request in flight
    shop.release.countDown();
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(Http.json(inFlight.get()).asText()).isEqualTo("released");
    assertThat(stopping.get(10, TimeUnit.SECONDS).isClean()).isTrue();
    assertThat(shop.events).containsExactly("exit");
    assertThat(PortProbe.accepts(base.getPort())).as("the port is closed").isFalse();
  }

  private void awaitPhase(Phase phase) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (container.phase() != phase && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(container.phase()).isEqualTo(phase);
  }
}
