package dev.lifecycle.it.worker;

import com.sun.net.httpserver.HttpServer;
import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Service;
import dev.lifecycle.WebServer;
import dev.lifecycle.runtime.RestoreEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A {@code @WebServer} in a worker JVM, from a memory snapshot: the snap hook prepares the page
 * once, the web-server method (called after the enter hooks, so after the snapshot point) opens
 * its own port, the exit hook closes it.
 */
@Service(enableMemorySnapshot = true)
public class OwnWebServerService {

  static final int PORT = 18474;

  private String page;
  private HttpServer server;

  @Enter(snap = true)
  void preparePage() {
    WorkerFiles.append("snaps", "snap " + ProcessHandle.current().pid());
    page = "own server";
  }

  @WebServer(port = PORT)
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(PORT), 0);
    server.createContext("/", exchange -> {
      byte[] body = (page + " of " + RestoreEnvironment.containerId().orElse("?") + ", restored: "
          + RestoreEnvironment.restored()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @Exit
  void stop() {
    server.stop(0);
    WorkerFiles.append("exits", "stopped");
  }
}
