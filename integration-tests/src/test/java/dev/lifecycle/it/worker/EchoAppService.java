package dev.lifecycle.it.worker;

import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.Service;
import dev.lifecycle.WebApp;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A web app that says what reached it (method, raw path and query, a header, the body's size) and
 * answers with a status and a header of its own: what the pool's web address must pass through
 * unchanged in both directions.
 */
@Service(maxConcurrentInputs = 4)
public class EchoAppService {

  @WebApp
  public HttpHandler app() {
    return exchange -> {
      byte[] received = exchange.getRequestBody().readAllBytes();
      String trace = String.valueOf(exchange.getRequestHeaders().getFirst("X-Trace"));
      exchange.getResponseHeaders().set("X-Echo-Trace", trace);
      if (exchange.getRequestURI().getPath().equals("/empty")) {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
          + (query == null ? "" : "?" + query) + " trace=" + trace + " bytes=" + received.length)
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(201, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    };
  }
}
