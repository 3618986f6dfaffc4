package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.runtime.internal.InputRunner;
import dev.lifecycle.runtime.internal.WebBinding;
import dev.lifecycle.runtime.internal.WebFrontend;
import dev.lifecycle.runtime.internal.WebStartException;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor.Kind;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 *   <li><b>HEAD</b>: wherever an endpoint serves GET, HEAD runs that endpoint (it is an input like
 *       the GET) and answers with the same status and headers, {@code Content-Length} included,
 *       and no body (RFC 9110, 9.3.2); {@code Allow} lists HEAD beside GET.
 *   <li><b>Parameters of GET and DELETE</b>: from the query string, by parameter name ({@code
 *       ?text=hi&n=3}), each value converted from its text to the parameter's type (numbers,
 *       booleans, enums, strings); an empty value ({@code ?n=}, or {@code ?flag} alone) is
 *       accepted for text parameters only. A collection or array parameter takes the parameter
 *       repeated ({@code ?id=1&id=2}); any other parameter given twice is a {@code 400}.
 *   <li><b>Parameters of POST, PUT, PATCH and any other method</b>: the request body is a JSON
 *       object with one field per parameter, by parameter name ({@code {"text": "hi", "n": 3}}),
 *       each field converted to the parameter's declared type, generics included ({@code
 *       List<Integer>}, records), without coercion between JSON types: {@code 1.9} is not an
 *       {@code int}, {@code 5} not a {@code String}, {@code "12"} not a number, {@code ""} not a
 *       number, boolean or enum (see {@link WebJson}). The query string is ignored. An empty body
 *       is the empty object, which is all a method without parameters needs.
 *   <li><b>Bad requests are {@code 400}</b>, before the method runs: malformed JSON (with the
 *       parser's message and location), a body that is not an object, a missing parameter, an
 *       unknown field or query parameter (listing the expected ones), a value that cannot become
 *       its parameter's type (naming the parameter and the type), {@code null} for any
 *       parameter, a record missing one of its components, a field given twice.
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
 * within its grace period (requests still waiting for a slot get their 503 then), then {@link
 * #close()} waits, briefly, until every request the server accepted has been answered, and
 * closes the socket, before the exit hooks run. Each request runs on a thread of its own, up to a
 * bound ({@link ExchangeThreads} says why).
 *
 * <p>Part of the runtime, not an API: start containers with {@code dev.lifecycle.runtime.Container}.
 */
public final class JdkWebFrontend implements WebFrontend {

  /**
   * After the inputs drained, what is left is writing responses and answering 503s: quick. This
   * only bounds a client that reads its response very slowly.
   */
  private static final Duration RESPONSE_DRAIN = Duration.ofSeconds(2);

  private final HttpServer server;
  private final WebThreads threads;
  private final WebRouter router;
  private final URI address;

  private JdkWebFrontend(HttpServer server, WebThreads threads, WebRouter router) {
    this.server = server;
    this.threads = threads;
    this.router = router;
    this.address = WebBinding.httpAddress(server.getAddress());
  }

  /**
   * Calls the {@code @WebApp} method, if any, binds the port and starts serving.
   *
   * @throws WebStartException when the app method threw or returned no handler, or the port could
   *     not be bound; nothing is left listening then
   */
  static <T> JdkWebFrontend start(
      ServiceDispatcher<T> dispatcher,
      T instance,
      String containerId,
      WebBinding binding,
      InputRunner inputs)
      throws WebStartException {
    ServiceDescriptor service = dispatcher.descriptor();
    List<WebMethodDescriptor> endpoints = service.webMethods(Kind.ENDPOINT);
    List<WebMethodDescriptor> apps = service.webMethods(Kind.APP);
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
    WebThreads threads = new WebThreads(containerId); // first: it may refuse its configuration
    HttpServer server;
    try {
      server = HttpServers.create(binding.socketAddress());
    } catch (IOException e) {
      throw new WebStartException("its web frontend could not listen on "
          + binding.address().getHostAddress() + " port " + binding.port() + ": " + e + ". "
          + (binding.port() == 0
              ? "Bind an address of this machine with ContainerBuilder.webBindAddress "
                  + "(127.0.0.1 by default, 0.0.0.0 for every interface)."
              : "Another process (or container) may hold the port: choose a free one with "
                  + "ContainerBuilder.webPort, or 0 for any free port."), e);
    }
    server.setExecutor(threads);
    server.createContext("/", router);
    start(server, threads);
    return new JdkWebFrontend(server, threads, router);
  }

  @Override
  public URI address() {
    return address;
  }

  @Override
  public void refuseNew() {
    router.refuseNew();
  }

  /**
   * Refuses new requests, lets every exchange the server accepted get its answer (a 503 for those
   * still waiting for an input slot; briefly: the container drained its inputs before), closes
   * the socket and ends the frontend's threads. Idempotent.
   */
  @Override
  public void close() {
    router.refuseNew();
    // Before stop(): stopping closes every connection, answered or not.
    threads.awaitIdle(RESPONSE_DRAIN);
    server.stop(0);
    threads.close(); // idle by now; interrupts only a handler that outlived the drain
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

  /**
   * The JDK server's dispatcher thread inherits daemon status from the thread that starts it;
   * started from a daemon thread, it does not keep the JVM alive either.
   */
  private static void start(HttpServer server, WebThreads threads) throws WebStartException {
    try {
      threads.start(server);
    } catch (IOException e) {
      threads.close();
      throw new WebStartException("its web frontend did not start after its port was bound ("
          + e.getMessage() + "). If the starting thread was interrupted, start the container "
          + "again without interrupting it; if the JVM could not create a thread, raise its "
          + "memory or thread limits (ulimit -u); otherwise report it with the log.", e.getCause());
    }
  }
}
