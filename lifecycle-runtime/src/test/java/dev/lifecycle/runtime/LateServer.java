package dev.lifecycle.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An HTTP server that starts listening a while after it is asked to, on another thread, like a
 * real server that loads something first: what readiness checks must wait for. It answers every
 * path with a fixed text; a failure to start is added to the events of the test's service.
 */
final class LateServer {

  private final List<String> events;
  private volatile HttpServer server;

  private LateServer(List<String> events) {
    this.events = events;
  }

  /** Starts listening on {@code port} in {@code delayMillis}; returns at once. */
  static LateServer start(int port, long delayMillis, String answer, List<String> events) {
    LateServer late = new LateServer(events);
    Thread starter = new Thread(() -> late.listen(port, delayMillis, answer), "late-server-" + port);
    starter.setDaemon(true);
    starter.start();
    return late;
  }

  private void listen(int port, long delayMillis, String answer) {
    try {
      Thread.sleep(delayMillis);
      HttpServer started = HttpServer.create(new InetSocketAddress(port), 0);
      started.createContext("/", exchange -> {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      started.start();
      server = started;
    } catch (InterruptedException | IOException e) {
      events.add("failed: " + e);
    }
  }

  /** Stops it, if it listens by now. */
  void stop() {
    HttpServer current = server;
    if (current != null) {
      current.stop(0);
    }
  }
}
