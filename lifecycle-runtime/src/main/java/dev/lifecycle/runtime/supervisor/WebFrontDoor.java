package dev.lifecycle.runtime.supervisor;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.runtime.protocol.FrameChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pool's one HTTP address for a service's {@code @WebEndpoint}s and {@code @WebApp}: each
 * request takes an input slot of a container exactly as a call does (so requests scale the pool up,
 * wait when every container is busy, and keep containers from counting as idle), is forwarded to
 * the port that container serves on, and the container's answer is passed back unchanged.
 *
 * <p>Requests and answers are buffered whole: web endpoints exchange JSON documents, not streams.
 * When no container can take the request (the pool is closing, a container fails to start) the
 * answer is a 503, when the chosen container cannot be reached a 502, each with a JSON {@code
 * {"error": ...}} body like the containers' own errors.
 */
final class WebFrontDoor implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(WebFrontDoor.class.getName());

  /**
   * Headers that belong to one connection (RFC 9110, 7.6.1) or that the JDK's client and server
   * compute themselves; every other header passes through.
   */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive",
      "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length",
      "expect", "date");

  /** Where requests go: a container with an input slot taken for the request. */
  interface Containers {

    /**
     * @throws RuntimeException when no container can take the request; its message is the answer
     * @throws InterruptedException when the request's thread is interrupted while it waits
     */
    WorkerContainer acquire() throws InterruptedException;

    void release(WorkerContainer container);
  }

  private final String serviceName;
  private final Containers containers;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;

  private WebFrontDoor(String serviceName, Containers containers, HttpServer server,
      ExecutorService executor) {
    this.serviceName = serviceName;
    this.containers = containers;
    this.server = server;
    this.executor = executor;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(executor)
        .build();
  }

  /**
   * Listens on {@code address} (port 0: a free one).
   *
   * @throws IOException when the address cannot be bound
   */
  static WebFrontDoor open(String serviceName, InetSocketAddress address, Containers containers)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // Threads wait for a container slot, as callers of the pool do: one thread per request.
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "lifecycle-pool-web-" + serviceName);
      thread.setDaemon(true);
      return thread;
    });
    WebFrontDoor door = new WebFrontDoor(serviceName, containers, server, executor);
    server.createContext("/", door::handle);
    server.setExecutor(executor);
    server.start();
    return door;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  URI address() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readAll(exchange.getRequestBody());
      WorkerContainer container;
      try {
        container = containers.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answerError(exchange, 503, "The pool of service " + serviceName + " is shutting down.");
        return;
      } catch (RuntimeException e) {
        answerError(exchange, 503, "No container of service " + serviceName + " can take the"
            + " request: " + describe(e));
        return;
      }
      try {
        forward(exchange, body, container);
      } finally {
        containers.release(container);
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or answering failed half-way: nothing left to tell it.
      LOG.log(Level.DEBUG, () -> "web request to " + serviceName + " ended early: " + e);
    }
  }

  private void forward(HttpExchange exchange, byte[] body, WorkerContainer container)
      throws IOException {
    Optional<URI> target = container.webAddress();
    if (target.isEmpty()) {
      answerError(exchange, 502, "Container " + container.id() + " of service " + serviceName
          + " serves no web endpoints: is the pool's class path older than the supervisor's?");
      return;
    }
    URI requestUri = exchange.getRequestURI();
    String pathAndQuery = requestUri.getRawPath()
        + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(target.get().resolve(pathAndQuery))
        .method(exchange.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    copyHeaders(exchange.getRequestHeaders(), request);
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answerError(exchange, 503, "The pool of service " + serviceName + " is shutting down.");
      return;
    } catch (IOException e) {
      answerError(exchange, 502, "Container " + container.id() + " of service " + serviceName
          + " did not answer (" + describe(e) + "); its log: "
          + container.info().logFile());
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    response.headers().map().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        headers.put(name, values);
      }
    });
    send(exchange, response.statusCode(), response.body());
  }

  private static void copyHeaders(Headers from, HttpRequest.Builder to) {
    for (Map.Entry<String, List<String>> header : from.entrySet()) {
      if (NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        to.header(header.getKey(), value);
      }
    }
  }

  private static void answerError(HttpExchange exchange, int status, String message)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status,
        FrameChannel.JSON.writeValueAsBytes(Map.of("error", message)));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }

  /** Stops listening at once; requests in flight end with their containers. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "web front door of " + serviceName + " at " + address();
  }
}
