package dev.lifecycle.examples.web;

import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.Exit;
import dev.lifecycle.Service;
import dev.lifecycle.WebServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A method that starts a web server of its own, the Java form of the reference's {@code
 * @modal.web_server(port)}: for code that insists on owning its socket (an embedded server, a
 * framework's own bootstrap). The container calls the method once, after the enter hooks, then
 * waits until port 8001 accepts connections before it reports ready; the exit hook stops it.
 */
@Service
public class ClockServer {

  public static final int PORT = 8001;

  private HttpServer server;

  @WebServer(port = PORT)
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(PORT), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("It is " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @Exit
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
