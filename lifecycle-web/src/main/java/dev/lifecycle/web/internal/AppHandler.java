package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.runtime.internal.InputRunner;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.io.IOException;

/**
 * Answers every request no endpoint takes with the {@code HttpHandler} a {@code @WebApp} method
 * returned, each request as one input.
 *
 * <p>A request that times out is answered {@code 504} while the handler's thread is interrupted;
 * a handler that ignores the interrupt and writes afterwards finds the exchange closed. Whether
 * the handler already sent its status line is checked before any error is sent, but the two
 * threads are not synchronized beyond that: best effort, as for any handler that overruns.
 */
final class AppHandler {

  private final WebMethodDescriptor app;
  private final HttpHandler handler;
  private final String serviceName;
  private final String containerId;
  private final InputRunner inputs;

  AppHandler(
      WebMethodDescriptor app,
      HttpHandler handler,
      String serviceName,
      String containerId,
      InputRunner inputs) {
    this.app = app;
    this.handler = handler;
    this.serviceName = serviceName;
    this.containerId = containerId;
    this.inputs = inputs;
  }

  void handle(HttpExchange exchange) throws IOException {
    String input = app.displayName() + " for " + exchange.getRequestMethod() + " "
        + exchange.getRequestURI().getPath();
    try {
      inputs.run(app.method().name(), input, () -> {
        handler.handle(exchange);
        return null;
      });
    } catch (RuntimeException e) {
      if (!WebResponses.sent(exchange)) {
        InputFailures.Reply reply = InputFailures.of(e, input, serviceName, containerId);
        WebResponses.error(exchange, reply.status(), reply.message());
      }
      return;
    }
    if (!WebResponses.sent(exchange)) {
      WebResponses.error(exchange, 500, "The HttpHandler of " + app.displayName() + " of service "
          + serviceName + " returned without sending a response for " + exchange.getRequestMethod()
          + " " + exchange.getRequestURI().getPath() + ". Call exchange.sendResponseHeaders "
          + "(and close the exchange) on every path through the handler.");
    }
  }
}
