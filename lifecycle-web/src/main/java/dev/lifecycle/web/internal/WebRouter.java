package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one {@code HttpHandler} of a frontend: sends each request to its endpoint by exact path and
 * method, else to the app, else answers 404 or 405; answers 503 once the container stops.
 *
 * <p>HEAD is served wherever GET is, by the GET endpoint, as HTTP requires of every server (RFC
 * 9110, 9.1); {@link WebResponses} leaves the body out.
 *
 * <p>It never lets an exception escape (the JDK server would drop the connection without a
 * response) and always closes the exchange. {@link WebThreads} counts the exchanges in progress.
 */
final class WebRouter implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(JdkWebFrontend.class.getName());

  /** Path, then HTTP method; paths in declaration order for the 404 listing. */
  private final Map<String, Map<String, EndpointHandler<?>>> endpoints = new LinkedHashMap<>();
  private final AppHandler app;
  private final String serviceName;
  private final String containerId;
  private volatile boolean stopping;

  WebRouter(List<EndpointHandler<?>> handlers, AppHandler app, String serviceName, String containerId) {
    for (EndpointHandler<?> handler : handlers) {
      endpoints.computeIfAbsent(handler.endpoint().path(), path -> new TreeMap<>())
          .put(handler.endpoint().httpMethod(), handler);
    }
    this.app = app;
    this.serviceName = serviceName;
    this.containerId = containerId;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (IOException e) {
      // The client went away or the connection broke: nobody is left to answer.
      LOG.log(Level.DEBUG, () -> "Container " + containerId + ": response not sent: " + e);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "Container " + containerId + ": the web frontend failed on "
          + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
      if (!WebResponses.sent(exchange)) {
        try {
          WebResponses.error(exchange, 500, "The web frontend of service " + serviceName
              + " failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
              + ": " + e + ". The container keeps serving; its log has the stack trace.");
        } catch (IOException | RuntimeException ignored) {
          // Nothing more can be done for this request.
        }
      }
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (stopping) {
      InputFailures.Reply reply =
          InputFailures.stopping(method + " " + path, serviceName, containerId);
      WebResponses.error(exchange, reply.status(), reply.message());
      return;
    }
    Map<String, EndpointHandler<?>> byMethod = endpoints.get(path);
    if (byMethod != null) {
      EndpointHandler<?> handler = byMethod.get(method.equals("HEAD") ? "GET" : method);
      if (handler != null) {
        handler.handle(exchange);
      } else {
        RequestScreen.notAllowed(serviceName, path, method, descriptors(byMethod.values().stream()))
            .send(exchange);
      }
    } else if (app != null) {
      app.handle(exchange);
    } else {
      RequestScreen.notFound(serviceName, path, descriptors(
              endpoints.values().stream().flatMap(atPath -> atPath.values().stream())))
          .send(exchange);
    }
  }

  private static List<WebMethodDescriptor> descriptors(Stream<EndpointHandler<?>> handlers) {
    return handlers.<WebMethodDescriptor>map(EndpointHandler::endpoint).toList();
  }

  /** From now on every request is answered 503 before anything else is looked at. */
  void refuseNew() {
    stopping = true;
  }
}
