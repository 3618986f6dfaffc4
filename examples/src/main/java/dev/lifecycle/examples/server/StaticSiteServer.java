package dev.lifecycle.examples.server;

import dev.lifecycle.Enter;
import dev.lifecycle.Exit;
import dev.lifecycle.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server pattern of the reference docs: the enter hook starts an HTTP server as a child
 * process, the exit hook terminates it and waits for it. Modal's version runs {@code python -m
 * http.server 8000}; this one runs {@link FileServer}, the same thing in Java, on the same port.
 *
 * <p>The container waits after the enter hook until port 8000 accepts connections, so a container
 * that is ready really serves; if the child never listens, the start fails naming the port, and
 * the exit hook still runs and reaps the child.
 */
@Server(port = StaticSiteServer.PORT)
public class StaticSiteServer {

  public static final int PORT = 8000;

  private Path site;
  private Process server;

  @Enter
  void start() throws IOException {
    site = Files.createTempDirectory("lifecycle-site-");
    Files.writeString(site.resolve("index.html"),
        "<h1>Hello from a Lifecycle server</h1>\n<p>Served by a child process.</p>\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            FileServer.class.getName(), Integer.toString(PORT), site.toString())
        .inheritIO()
        .start();
  }

  @Exit
  void stop() throws IOException, InterruptedException {
    if (server != null) {
      server.destroy(); // SIGTERM, as Popen.terminate()
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
    if (site != null) {
      try (Stream<Path> files = Files.walk(site)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The directory the child serves, deleted by the exit hook; {@code null} before the enter hook. */
  public Path site() {
    return site;
  }

  /** The child process, for callers that want to watch it; {@code null} before the enter hook. */
  public ProcessHandle serverProcess() {
    return server == null ? null : server.toHandle();
  }
}
