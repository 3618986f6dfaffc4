package dev.lifecycle.runtime.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lifecycle.runtime.protocol.FrameChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the frontend's responses: JSON bodies with their length, {@code 204} without one, and
 * every error as {@code {"error": "<message>"}}.
 */
final class WebResponses {

  static final String JSON_TYPE = "application/json";

  private WebResponses() {}

  /** Whether a status line was sent already: then no other response can be sent. */
  static boolean sent(HttpExchange exchange) {
    return exchange.getResponseCode() != -1;
  }

  static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
    // A HEAD response has no body; the JDK server would complain about a length.
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static void noContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, errorBody(message));
  }

  static byte[] errorBody(String message) {
    ObjectNode body = FrameChannel.JSON.createObjectNode().put("error", message);
    try {
      return FrameChannel.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      // A tree of one string field always serializes; keep the promise of a JSON body anyway.
      return "{\"error\":\"(unprintable message)\"}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
