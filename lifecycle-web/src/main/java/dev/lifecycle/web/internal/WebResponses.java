package dev.lifecycle.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Writes the frontend's responses: JSON bodies with their length, {@code 204} without one, and
 * every error as {@code {"error": "<message>"}}. Public for the supervisor's web address, which
 * answers its own errors in the same form; not an API.
 */
public final class WebResponses {

  static final String JSON_TYPE = "application/json";

  /**
   * The largest request body a container or a pool's web address reads: endpoints exchange JSON
   * documents, so anything larger is a mistake or an attack, answered with 413 before it fills
   * the heap.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private WebResponses() {}

  /** Whether a status line was sent already: then no other response can be sent. */
  public static boolean sent(HttpExchange exchange) {
    return exchange.getResponseCode() != -1;
  }

  public static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    if (head) {
      // The JDK server takes -1 (no body) for HEAD and logs a warning for any other length, so
      // the length the GET would have is set by hand (RFC 9110, 9.3.2: the same headers).
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
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

  public static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, errorBody(message));
  }

  /**
   * Starts {@code server} from a daemon thread of {@code threads}: the JDK server's dispatcher
   * thread inherits daemon status from the thread that starts it, so a server nobody closed does
   * not keep the JVM alive.
   *
   * @throws IOException when the server did not start; it is stopped again
   */
  public static void startOnDaemonThread(HttpServer server, ExecutorService threads)
      throws IOException {
    Throwable failure;
    try {
      threads.submit(server::start).get();
      return;
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    }
    server.stop(0);
    throw new IOException("the HTTP server did not start: " + failure, failure);
  }

  static byte[] errorBody(String message) {
    ObjectNode body = WebJson.JSON.createObjectNode().put("error", message);
    try {
      return WebJson.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      // A tree of one string field always serializes; keep the promise of a JSON body anyway.
      return "{\"error\":\"(unprintable message)\"}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
