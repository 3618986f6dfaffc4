package dev.lifecycle.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lifecycle.Enter;
import dev.lifecycle.Service;
import dev.lifecycle.WebApp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A whole web application, the Java form of the reference's {@code @modal.asgi_app} and {@code
 * @modal.wsgi_app}: the method returns one {@link HttpHandler}, and the container serves every path
 * with it. The handler routes by itself; here {@code GET /notes} lists the notes as text and
 * {@code POST /notes} adds the request body as one.
 *
 * <p>The container calls the method once, after the enter hooks, so the app can use what they
 * built. Each request is an input of the container: it counts against {@code
 * maxConcurrentInputs} and is refused with a 503 once the container stops.
 */
@Service(maxConcurrentInputs = 8)
public class NotesApp {

  private final List<String> notes = new CopyOnWriteArrayList<>();

  @Enter
  void seed() {
    notes.add("welcome");
  }

  @WebApp
  public HttpHandler app() {
    return exchange -> {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (!path.equals("/notes")) {
        send(exchange, 404, "no page " + path + "; try /notes\n");
      } else if (method.equals("GET")) {
        send(exchange, 200, String.join("\n", notes) + "\n");
      } else if (method.equals("POST")) {
        String note = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        notes.add(note);
        send(exchange, 201, "added note " + notes.size() + "\n");
      } else {
        exchange.getResponseHeaders().set("Allow", "GET, POST");
        send(exchange, 405, method + " is not allowed on /notes\n");
      }
    };
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
