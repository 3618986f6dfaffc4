package dev.lifecycle.runtime.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Serves a container's {@code @WebEndpoint}s and {@code @WebApp} over HTTP with the JDK's {@link
 * HttpServer}, each request as one input of the container.
 *
 * <h2>How a {@code @WebEndpoint} maps to HTTP</h2>
 *
 * <ul>
 *   <li><b>Path</b>: matched exactly against the request path ({@code /predict/} is not {@code
 *       /predict}). An unknown path is {@code 404}, listing the endpoints; a known path with
 *       another HTTP method is {@code 405} with an {@code Allow} header.
 *   <li><b>Parameters of GET, DELETE (and HEAD)</b>: from the query string, by parameter name
 *       ({@code ?text=hi&n=3}), each value converted from its text to the parameter's type
 *       (numbers, booleans, enums, strings). A collection or array parameter takes the parameter
 *       repeated ({@code ?id=1&id=2}); any other parameter given twice is a {@code 400}.
 *   <li><b>Parameters of POST, PUT, PATCH and any other method</b>: the request body is a JSON
 *       object with one field per parameter, by parameter name ({@code {"text": "hi", "n": 3}}),
 *       each field converted to the parameter's declared type, generics included ({@code
 *       List<Integer>}, records). The query string is ignored. An empty body is the empty object,
 *       which is all a method without parameters needs.
 *   <li><b>Bad requests are {@code 400}</b>, before the method runs: malformed JSON (with the
 *       parser's message and location), a body that is not an object, a missing parameter, an
 *       unknown field or query parameter (listing the expected ones), a value that cannot become
 *       its parameter's type (naming the parameter and the type), {@code null} for a primitive.
 *       A body over 64 MiB is {@code 413}.
 *   <li><b>The result</b>: {@code 200} with {@code Content-Type: application/json} and the
 *       return value as JSON; {@code 204} without a body for {@code void} methods.
 *   <li><b>Failures</b>: the method threw: {@code 500} naming the exception (the container keeps
 *       serving, the stack trace goes to the log); it overran the input timeout: {@code 504}; the
 *       container is stopping: {@code 503}.
 *   <li>Every error body is {@code {"error": "<message>"}}, the message naming the endpoint (or
 *       path), what is wrong and how to fix it.
 * </ul>
 *
 * <h2>{@code @WebApp}</h2>
 *
 * <p>The method is called once, when the frontend starts; its {@code HttpHandler} serves every
 * path no endpoint takes, each request one input (same slots, timeout and {@code 503}). When the
 * handler throws, times out, or returns without responding, the client gets {@code 500}, {@code
 * 504} or {@code 500} unless the handler had sent its status line already.
 *
 * <h2>Life</h2>
 *
 * <p>The container starts the frontend after its enter hooks (with a memory snapshot, after the
 * checkpoint: no listening socket exists when it is taken), on loopback and a free port unless
 * configured otherwise. When it stops: {@link #refuseNew()} at the moment the container refuses
 * new inputs (every new request gets {@code 503}), the container drains the inputs in flight
 * within its grace period, then {@link #close()} lets the last responses go out and closes the
 * socket, before the exit hooks run.
 *
 * <p>Part of the runtime, not an API: start containers with {@code dev.lifecycle.runtime.Container}.
 */
public final class WebFrontend implements AutoCloseable {

  /**
   * After the inputs drained, what is left is writing responses and answering 503s: quick. This
   * only bounds a client that reads its response very slowly.
   */
  private static final Duration RESPONSE_DRAIN = Duration.ofSeconds(2);

  /** Threads beyond the input slots, so that 404s, 400s and 503s are answered while slots are busy. */
  private static final int SPARE_THREADS = 4;

  private final HttpServer server;
  private final ThreadPoolExecutor threads;
  private final WebRouter router;
  private final URI address;

  private WebFrontend(HttpServer server, ThreadPoolExecutor threads, WebRouter router) {
    this.server = server;
    this.threads = threads;
    this.router = router;
    InetSocketAddress bound = server.getAddress();
    // Bound to all interfaces, it is reached locally through loopback like any other address.
    InetAddress reachable = bound.getAddress().isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress()
        : bound.getAddress();
    String host = reachable.getHostAddress();
    this.address = URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  /**
   * Calls the {@code @WebApp} method, if any, binds the port and starts serving.
   *
   * @return empty when the service has no endpoint and no app: nothing to serve, no socket
   * @throws WebStartException when the app method threw or returned no handler, or the port could
   *     not be bound; nothing is left listening then
   */
  public static <T> Optional<WebFrontend> start(
      ServiceDispatcher<T> dispatcher,
      T instance,
      String containerId,
      int maxConcurrentInputs,
      WebBinding binding,
      InputRunner inputs)
      throws WebStartException {
    ServiceDescriptor service = dispatcher.descriptor();
    List<WebMethodDescriptor> endpoints = service.webMethods(Kind.ENDPOINT);
    List<WebMethodDescriptor> apps = service.webMethods(Kind.APP);
    if (endpoints.isEmpty() && apps.isEmpty()) {
      return Optional.empty();
    }
    // The app first: when it fails, no socket was opened that would need closing.
    AppHandler app = apps.isEmpty()
        ? null
        : new AppHandler(apps.get(0), appHandler(dispatcher, instance, apps), service.serviceName(),
            containerId, inputs);
    WebRouter router = new WebRouter(
        endpoints.stream()
            .<EndpointHandler<?>>map(e -> new EndpointHandler<>(dispatcher, instance, containerId, e, inputs))
            .toList(),
        app, service.serviceName(), containerId);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(binding.address(), binding.port()), 0);
    } catch (IOException e) {
      throw new WebStartException("its web frontend could not listen on "
          + binding.address().getHostAddress() + " port " + binding.port() + ": " + e + ". "
          + (binding.port() == 0 ? "Check the bind address (ContainerBuilder.webBindAddress)."
              : "Another process (or container) may hold the port: choose a free one with "
                  + "ContainerBuilder.webPort, or 0 for any free port."), e);
    }
    ThreadPoolExecutor threads = threads(containerId, maxConcurrentInputs + SPARE_THREADS);
    server.setExecutor(threads);
    server.createContext("/", router);
    startOnDaemonThread(server, threads);
    return Optional.of(new WebFrontend(server, threads, router));
  }

  /** {@code http://127.0.0.1:PORT/}: where the frontend listens. */
  public URI address() {
    return address;
  }

  /** Every request from now on is answered 503 at once. Idempotent. */
  public void refuseNew() {
    router.refuseNew();
  }

  /**
   * Refuses new requests, lets the responses in progress go out (briefly: the container drained
   * its inputs before), closes the socket and ends the frontend's threads. Idempotent.
   */
  @Override
  public void close() {
    router.refuseNew();
    router.awaitIdle(RESPONSE_DRAIN);
    server.stop(0);
    threads.shutdownNow(); // idle by now; interrupts only a handler that outlived the drain
  }

  private static <T> HttpHandler appHandler(
      ServiceDispatcher<T> dispatcher, T instance, List<WebMethodDescriptor> apps)
      throws WebStartException {
    String serviceName = dispatcher.descriptor().serviceName();
    if (apps.size() > 1) {
      throw new WebStartException("it has " + apps.size() + " @WebApp methods ("
          + apps.stream().map(WebMethodDescriptor::displayName).collect(Collectors.joining(", "))
          + "), but a service serves one app: keep one and route inside its HttpHandler.", null);
    }
    WebMethodDescriptor app = apps.get(0);
    Object handler;
    try {
      handler = dispatcher.callWeb(instance, app.index(), null);
    } catch (Throwable t) {
      throw new WebStartException(app.displayName() + " threw " + t + ". Fix the method, or build "
          + "what it needs in an @Enter hook.", t);
    }
    if (!(handler instanceof HttpHandler httpHandler)) {
      throw new WebStartException(app.displayName() + " returned "
          + (handler == null ? "null" : "a " + handler.getClass().getName())
          + " instead of a com.sun.net.httpserver.HttpHandler. Return the handler that serves "
          + "the app's requests.", null);
    }
    return httpHandler;
  }

  private static ThreadPoolExecutor threads(String containerId, int size) {
    AtomicInteger count = new AtomicInteger();
    // Bounded threads, unbounded queue: a burst waits its turn instead of being dropped (the JDK
    // server closes the connection when its executor rejects). Daemon threads, as for inputs: a
    // container nobody closed must not keep the JVM alive.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "lifecycle-" + containerId + "-web-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * The JDK server's dispatcher thread inherits daemon status from the thread that starts it;
   * started from a daemon thread, it does not keep the JVM alive either.
   */
  private static void startOnDaemonThread(HttpServer server, ThreadPoolExecutor threads)
      throws WebStartException {
    try {
      WebResponses.startOnDaemonThread(server, threads);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new WebStartException("its web frontend did not start (" + e.getMessage() + "); this"
          + " is unexpected once its port was bound: please report it with the log.", e.getCause());
    }
  }
}
