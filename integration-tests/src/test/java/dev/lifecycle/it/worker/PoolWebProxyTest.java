package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.Container;
import dev.lifecycle.web.internal.ExchangeThreads;
import dev.lifecycle.web.internal.WebResponses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's web address passes requests and answers through unchanged (method, path, query,
 * headers, status, empty bodies) and answers what it cannot forward itself, with a status and a
 * JSON message: a body over the limit; and a request target that is not a path is answered too.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolWebProxyTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void requestsAndAnswersPassThroughUnchanged() throws Exception {
    try (ContainerPool pool = Workers.pool(EchoAppService.class, dir).minContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();

      HttpResponse<String> echoed = CLIENT.send(HttpRequest.newBuilder(web.resolve("/echo/x?q=1%202&r"))
              .header("X-Trace", "abc-123")
              .method("PATCH", HttpRequest.BodyPublishers.ofString("hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> empty = CLIENT.send(HttpRequest.newBuilder(web.resolve("/empty"))
              .header("X-Trace", "t2").GET().build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(echoed.statusCode()).isEqualTo(201);
      assertThat(echoed.body()).isEqualTo("PATCH /echo/x?q=1%202&r trace=abc-123 bytes=5");
      assertThat(echoed.headers().firstValue("X-Echo-Trace")).hasValue("abc-123");
      assertThat(echoed.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(empty.statusCode()).isEqualTo(204);
      assertThat(empty.body()).isEmpty();
      assertThat(empty.headers().firstValue("X-Echo-Trace")).hasValue("t2");
    }
  }

  /**
   * Two hops (client to the pool, the pool to the worker's frontend), neither waiting for a delayed
   * ACK: with Nagle's algorithm on either server, each request took over 40 ms. The bound is loose
   * on purpose; how fast requests are is the benchmark's business.
   */
  @Test
  void sequentialRequestsThroughThePoolWaitForNoDelayedAck() throws Exception {
    try (ContainerPool pool = Workers.pool(EchoAppService.class, dir).minContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        long start = System.nanoTime();
        HttpResponse<String> echoed = CLIENT.send(HttpRequest.newBuilder(web.resolve("/echo/" + i))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
            HttpResponse.BodyHandlers.ofString());
        micros.add((System.nanoTime() - start) / 1_000);
        assertThat(echoed.statusCode()).isEqualTo(201);
      }
      List<Long> warm = new ArrayList<>(micros.subList(1, micros.size()));
      Collections.sort(warm);

      assertThat(warm.get(warm.size() / 2))
          .as("median round trip in microseconds, of %s", micros)
          .isLessThan(30_000);
    }
  }

  /**
   * Slow clients hold at most the bound of the pool's threads (two here): a connection over it is
   * closed without an answer, and once they go the pool serves again.
   */
  @Test
  void slowClientsHoldAtMostTheBoundOfThePoolsThreads() throws Exception {
    System.setProperty(ExchangeThreads.MAX_THREADS, "2");
    try (ContainerPool pool = Workers.pool(EchoAppService.class, dir).minContainers(1).build()) {
      System.clearProperty(ExchangeThreads.MAX_THREADS); // read when the pool opened its address
      URI web = pool.webAddress().orElseThrow();
      String threadName = "lifecycle-pool-web-" + EchoAppService.class.getName();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket client = new Socket(web.getHost(), web.getPort());
          slow.add(client);
          client.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: x\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().flush();
        }
        Workers.awaitTrue(() -> threadsNamed(threadName) == 2,
            () -> "the slow clients to hold the pool's two threads: " + threadsNamed(threadName));
        Socket refused = new Socket(web.getHost(), web.getPort());
        slow.add(refused);
        refused.getOutputStream().write(("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        refused.setSoTimeout(10_000);
        int first;
        try {
          first = refused.getInputStream().read();
        } catch (java.net.SocketException reset) {
          first = -1;
        }
        assertThat(first).as("an answer over the bound").isEqualTo(-1);
        assertThat(threadsNamed(threadName)).isEqualTo(2);
      } finally {
        for (Socket client : slow) {
          client.close();
        }
      }
      Workers.awaitTrue(() -> {
        try {
          return CLIENT.send(HttpRequest.newBuilder(web.resolve("/echo/again")).GET().build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
        } catch (java.io.IOException e) {
          return false;
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, () -> "the pool to answer again");
    } finally {
      System.clearProperty(ExchangeThreads.MAX_THREADS);
    }
  }

  private static long threadsNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive()).count();
  }

  @Test
  void whatCannotBeForwardedIsAnsweredByThePoolAndTheContainerKeepsServing() throws Exception {
    try (ContainerPool pool = Workers.pool(EchoAppService.class, dir).minContainers(1).build()) {
      URI web = pool.webAddress().orElseThrow();

      String tooLarge = rawRequest(web, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: "
          + (WebResponses.MAX_BODY_BYTES + 1L) + "\r\n\r\n");
      String notAPath = rawRequest(web, "OPTIONS * HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

      assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("\"error\"").contains("64 MiB");
      // The JDK's server answers a target that is not a path itself; either way, an answer.
      assertThat(notAPath).startsWith("HTTP/1.1 4");
      HttpResponse<String> next = CLIENT.send(HttpRequest.newBuilder(web.resolve("/echo")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(next.statusCode()).isEqualTo(201);
    }
  }

  /**
   * A path no endpoint serves, a method the path does not answer, and arguments that do not fit
   * are answered by the pool's web address itself, before any container starts, with the status,
   * words and headers a container gives them.
   */
  @Test
  void requestsAContainerWouldRefuseAreRefusedAlikeWithoutStartingOne() throws Exception {
    List<Probe> refused = List.of(
        new Probe("POST", "/nope", "{}"),
        new Probe("POST", "/echo", "{\"text\": \"x\"}"),
        new Probe("POST", "/sum", "{\"a\": 1, \"b\": \"two\"}"),
        new Probe("POST", "/sum", "{\"a\": 1, \"c\": 2}"),
        new Probe("POST", "/sum", "{\"a\": 1.5, \"b\": 2}"),
        new Probe("POST", "/sum", "[1, 2]"),
        new Probe("POST", "/sum", "{\"a\": 1,"),
        new Probe("GET", "/echo?txt=x", null));
    try (Container<ScreenedWebService> container =
            Container.builder(ScreenedWebService.class).webPort(0).start();
        ContainerPool pool = Workers.pool(ScreenedWebService.class, dir).minContainers(0).build()) {
      URI inJvm = container.webAddress().orElseThrow();
      URI pooled = pool.webAddress().orElseThrow();

      for (Probe probe : refused) {
        HttpResponse<String> local = probe.send(inJvm);
        HttpResponse<String> remote = probe.send(pooled);

        assertThat(local.statusCode()).as(probe.toString()).isBetween(400, 499);
        assertThat(remote.statusCode()).as(probe.toString()).isEqualTo(local.statusCode());
        assertThat(remote.body()).as(probe.toString()).isEqualTo(local.body());
        assertThat(remote.headers().firstValue("Allow")).as(probe.toString())
            .isEqualTo(local.headers().firstValue("Allow"));
      }
      assertThat(pool.containers()).as("containers started for refused requests").isEmpty();

      HttpResponse<String> summed = new Probe("POST", "/sum", "{\"a\": 1, \"b\": 2}").send(pooled);
      assertThat(summed.statusCode()).isEqualTo(200);
      assertThat(summed.body()).isEqualTo("3");
    }
  }

  /** One request, to send to several addresses; {@code body} null for none. */
  private record Probe(String method, String target, String body) {
    HttpResponse<String> send(URI base) throws Exception {
      HttpRequest.BodyPublisher publisher = body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body);
      return CLIENT.send(HttpRequest.newBuilder(base.resolve(target)).method(method, publisher).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Sends {@code request} as written, for what HttpClient will not send; returns the answer. */
  private static String rawRequest(URI web, String request) throws Exception {
    try (Socket socket = new Socket(web.getHost(), web.getPort())) {
      socket.setSoTimeout((int) Workers.GENEROUS.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder answer = new StringBuilder();
      int contentLength = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        answer.append(line).append('\n');
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        }
      }
      char[] body = new char[contentLength];
      int read = 0;
      while (read < contentLength) {
        int n = in.read(body, read, contentLength - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
      return answer.append('\n').append(body, 0, read).toString();
    }
  }
}
