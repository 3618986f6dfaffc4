package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.lifecycle.runtime.internal.InputRunner;
import dev.lifecycle.runtime.spi.ServiceDispatcher;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Answers the requests of one {@code @WebEndpoint}: arguments in, one input, JSON out. */
final class EndpointHandler<T> {

  private final ServiceDispatcher<T> dispatcher;
  private final T instance;
  private final String containerId;
  private final WebMethodDescriptor endpoint;
  private final EndpointArguments arguments;
  private final InputRunner inputs;

  EndpointHandler(
      ServiceDispatcher<T> dispatcher,
      T instance,
      String containerId,
      WebMethodDescriptor endpoint,
      InputRunner inputs) {
    this.dispatcher = dispatcher;
    this.instance = instance;
    this.containerId = containerId;
    this.endpoint = endpoint;
    this.arguments = new EndpointArguments(dispatcher.descriptor(), endpoint);
    this.inputs = inputs;
  }

  WebMethodDescriptor endpoint() {
    return endpoint;
  }

  void handle(HttpExchange exchange) throws IOException {
    String serviceName = dispatcher.descriptor().serviceName();
    Object[] args;
    try {
      args = arguments.decode(
          exchange.getRequestURI().getRawQuery(), new ByteArrayInputStream(body(exchange)));
    } catch (WebRequestException e) {
      WebResponses.error(exchange, e.status(), e.getMessage());
      return;
    }
    Object result;
    try {
      result = inputs.run(
          endpoint.method().name(),
          endpoint.displayName(),
          () -> dispatcher.callWeb(instance, endpoint.index(), args));
    } catch (RuntimeException e) {
      InputFailures.Reply reply = InputFailures.of(e, endpoint.displayName(), serviceName, containerId);
      WebResponses.error(exchange, reply.status(), reply.message());
      return;
    }
    if (endpoint.method().returnType() == void.class) {
      WebResponses.noContent(exchange);
      return;
    }
    byte[] json;
    try {
      json = WebJson.JSON.writeValueAsBytes(result);
    } catch (JsonProcessingException e) {
      WebResponses.error(exchange, 500, endpoint.displayName() + " of service " + serviceName
          + " returned a " + result.getClass().getName() + " that cannot be written as JSON."
          + " Return a value of the types that travel (docs/types.md).");
      return;
    }
    WebResponses.json(exchange, 200, json);
  }

  private byte[] body(HttpExchange exchange) throws IOException, WebRequestException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(WebResponses.MAX_BODY_BYTES + 1);
      if (body.length > WebResponses.MAX_BODY_BYTES) {
        throw new WebRequestException(413, endpoint.displayName() + " of service "
            + dispatcher.descriptor().serviceName() + ": the request body is larger than "
            + WebResponses.MAX_BODY_BYTES / (1024 * 1024) + " MiB. Send large data by reference (a path or "
            + "a URL) instead.");
      }
      return body;
    }
  }
}
