package dev.lifecycle.pool.internal.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.pool.internal.DaemonThreads;
import dev.lifecycle.pool.internal.supervisor.WorkerContainer;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.web.internal.ExchangeThreads;
import dev.lifecycle.web.internal.HttpServers;
import dev.lifecycle.web.internal.RequestScreen;
import dev.lifecycle.web.internal.WebResponses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
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
 * <p>Requests and answers are buffered whole: web endpoints exchange JSON documents, not streams;
 * a body over {@link WebResponses#MAX_BODY_BYTES} is answered with 413 before it is read. The
 * pool's own answers carry a JSON {@code {"error": ...}} body like the containers' errors: 503 when
 * no container can take the request (the pool is closing, a container fails to start), 502 when
 * the chosen container cannot be reached, 504 when it does not answer within its input timeout
 * and {@link WorkerContainer#HUNG_WORKER_ALLOWANCE} more (the container is then taken for hung and
 * replaced), 501 for a method the JDK's client cannot send (CONNECT), 400
 * for a request target that is not a path.
 */
public final class PoolWebProxy implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PoolWebProxy.class.getName());

  /**
   * Headers that belong to one connection (RFC 9110, 7.6.1) or that the JDK's client and server
   * compute themselves; every other header passes through.
   */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive",
      "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length",
      "expect", "date");

  /** Where requests go: a container with an input slot taken for the request. */
  public interface Containers {

    /**
     * @throws RuntimeException when no container can take the request; its message is the answer
     * @throws InterruptedException when the request's thread is interrupted while it waits
     */
    WorkerContainer acquire() throws InterruptedException;

    void release(WorkerContainer container);
  }


  private final String serviceName;
  /** What is refused before a container is taken: as the container would refuse it. */
  private final RequestScreen screen;
  private final Containers containers;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ExecutorService clientThreads;
  private final HttpClient client;
  /**
   * Bounds what the request bodies being read and forwarded hold of this JVM's heap: one budget
   * for every pool of the JVM.
   */
  private static final BodyBudget BODIES = BodyBudget.forThisJvm(WebResponses.MAX_BODY_BYTES);

  private PoolWebProxy(String serviceName, RequestScreen screen, Containers containers, HttpServer server,
      ExecutorService executor) {
    this.serviceName = serviceName;
    this.screen = screen;
    this.containers = containers;
    this.server = server;
    this.executor = executor;
    // Not the exchanges' executor: a request over its bound must not fail one being forwarded.
    this.clientThreads =
        Executors.newCachedThreadPool(DaemonThreads.named("lifecycle-pool-web-client-" + serviceName));
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(clientThreads)
        .build();
  }

  /**
   * Listens on {@code binding} (port 0: a free one).
   *
   * @throws IOException when the address cannot be bound
   */
  public static PoolWebProxy open(ServiceDescriptor service, WebBinding binding, Containers containers)
      throws IOException {
    String serviceName = service.serviceName();
    // Threads wait for a container slot, as callers of the pool do: one thread per request, up to
    // a bound. First: it may refuse its configuration.
    ExecutorService executor = ExchangeThreads.create("The web address of the pool of " + serviceName,
        DaemonThreads.named("lifecycle-pool-web-" + serviceName));
    HttpServer server;
    try {
      server = HttpServers.create(binding.socketAddress());
    } catch (IOException e) {
      executor.shutdownNow();
      throw e;
    }
    PoolWebProxy door =
        new PoolWebProxy(serviceName, new RequestScreen(service), containers, server, executor);
    server.createContext("/", door::handle);
    server.setExecutor(executor);
    WebResponses.startOnDaemonThread(server, executor);
    return door;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI address() {
    return WebBinding.httpAddress(server.getAddress());
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      try {
        serve(exchange);
      } catch (RuntimeException e) {
        // Whatever went wrong, the client gets an answer, not a dropped connection.
        LOG.log(Level.WARNING, "The web address of the pool of " + serviceName + " failed on "
            + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
        if (!WebResponses.sent(exchange)) {
          WebResponses.error(exchange, 502, "The pool of service " + serviceName + " could not"
              + " forward the request: " + describe(e) + ". This is a bug in Lifecycle; please"
              + " report it with the supervisor's log.");
        }
      }
    } catch (IOException e) {
      // The client went away, or answering failed half-way: nothing left to tell it.
      LOG.log(Level.DEBUG, () -> "web request to " + serviceName + " ended early: " + e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    if (rawPath == null || !rawPath.startsWith("/")) {
      // "OPTIONS *" and the like name no resource of the service.
      WebResponses.error(exchange, 400, "The pool of service " + serviceName + " serves paths"
          + " starting with \"/\", not \"" + exchange.getRequestURI() + "\".");
      return;
    }
    Optional<BodyBudget.Read.Whole> read = readBody(exchange);
    if (read.isEmpty()) {
      return;
    }
    try {
      serve(exchange, read.get());
    } finally {
      BODIES.release(read.get());
    }
  }

  private void serve(HttpExchange exchange, BodyBudget.Read.Whole body) throws IOException {
    // An unknown path or method, or arguments that do not fit, cost no container start.
    Optional<RequestScreen.Refusal> refusal = screen.screen(exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
        () -> new SequenceInputStream(Collections.enumeration(
            body.chunks().stream().map(ByteArrayInputStream::new).toList())));
    if (refusal.isPresent()) {
      refusal.get().send(exchange);
      return;
    }
    WorkerContainer container;
    try {
      container = containers.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      WebResponses.error(exchange, 503, "The pool of service " + serviceName + " is closing;"
          + " send the request to a new pool.");
      return;
    } catch (RuntimeException e) {
      WebResponses.error(exchange, 503, "No container of service " + serviceName + " can take"
          + " the request: " + describe(e));
      return;
    }
    try {
      forward(exchange, body, container);
    } finally {
      containers.release(container);
    }
  }

  /**
   * The request body, or empty when it was too large (then the client got a 413) or more bodies
   * are being held than the budget allows (503).
   */
  private Optional<BodyBudget.Read.Whole> readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long declaredLength = -1;
    try {
      declaredLength = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      // The JDK server rejects such requests before they get here; read and see.
    }
    BodyBudget.Read read = declaredLength > WebResponses.MAX_BODY_BYTES
        ? new BodyBudget.Read.TooLarge()
        : BODIES.read(exchange.getRequestBody(), WebResponses.MAX_BODY_BYTES);
    if (read instanceof BodyBudget.Read.Whole whole) {
      return Optional.of(whole);
    }
    if (declaredLength <= WebResponses.MAX_BODY_BYTES) {
      // Read on, holding nothing, so that the client, still sending, hears the answer; a body
      // without end is cut off. (One declared too large is answered before it is sent.)
      discard(exchange.getRequestBody(), 2L * WebResponses.MAX_BODY_BYTES);
    }
    if (read instanceof BodyBudget.Read.TooLarge) {
      WebResponses.error(exchange, 413, "The request body for service " + serviceName + " is"
          + " larger than " + WebResponses.MAX_BODY_BYTES / (1024 * 1024) + " MiB. Send large data"
          + " by reference (a path or a URL) instead.");
    } else {
      LOG.log(Level.WARNING, "The web address of service " + serviceName + " holds "
          + BODIES.totalBytes() / (1024 * 1024) + " MiB of request bodies already; a request was"
          + " answered 503.");
      WebResponses.error(exchange, 503, "The pool of service " + serviceName + " is receiving"
          + " more request data at once than it holds (" + BODIES.totalBytes() / (1024 * 1024)
          + " MiB); retry in a moment, or send large data by reference.");
    }
    return Optional.empty();
  }

  private static void discard(InputStream in, long atMost) {
    byte[] sink = new byte[BodyBudget.CHUNK_BYTES];
    long left = atMost;
    try (in) {
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client stopped sending: nothing to discard
    }
  }

  private void forward(HttpExchange exchange, BodyBudget.Read.Whole body, WorkerContainer container)
      throws IOException {
    Optional<URI> target = container.webAddress();
    if (target.isEmpty()) {
      WebResponses.error(exchange, 502, "Container " + container.id() + " of service "
          + serviceName + " serves no web address (its Ready message named none), though the"
          + " service class in the supervisor has web endpoints: the workers' class path holds"
          + " another version of " + serviceName + " than the supervisor's. Build the pool with"
          + " the class path the supervisor uses.");
      return;
    }
    URI requestUri = exchange.getRequestURI();
    String pathAndQuery = requestUri.getRawPath()
        + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
    // The container bounds each input by its timeout; beyond that, it is hung.
    Duration patience = container.answerDeadline();
    HttpRequest request;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(target.get().resolve(pathAndQuery))
          .timeout(patience)
          .method(exchange.getRequestMethod(), body.size() == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArrays(body.chunks()));
      copyHeaders(exchange.getRequestHeaders(), builder);
      request = builder.build();
    } catch (IllegalArgumentException e) {
      // The JDK client refuses a few methods (CONNECT) and malformed header values.
      WebResponses.error(exchange, 501, "The pool of service " + serviceName + " cannot forward"
          + " this " + exchange.getRequestMethod() + " request: " + describe(e) + ".");
      return;
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      WebResponses.error(exchange, 503, "The pool of service " + serviceName + " is closing.");
      return;
    } catch (HttpConnectTimeoutException e) {
      WebResponses.error(exchange, 502, "Container " + container.id() + " of service "
          + serviceName + " did not accept a connection (" + describe(e) + "); its log: "
          + container.info().logFile());
      return;
    } catch (HttpTimeoutException e) {
      container.unresponsive("a web request (" + exchange.getRequestMethod() + " " + pathAndQuery
          + ")");
      WebResponses.error(exchange, 504, "Container " + container.id() + " of service "
          + serviceName + " did not answer within " + patience.toSeconds() + " s (its input"
          + " timeout and " + WorkerContainer.HUNG_WORKER_ALLOWANCE.toSeconds() + " s more), so it"
          + " was taken for hung and replaced; its log: " + container.info().logFile());
      return;
    } catch (IOException e) {
      WebResponses.error(exchange, 502, "Container " + container.id() + " of service "
          + serviceName + " did not answer (" + describe(e) + "); its log: "
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

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
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
    clientThreads.shutdownNow();
  }

  @Override
  public String toString() {
    return "web proxy of the pool of " + serviceName + " at " + address();
  }
}
