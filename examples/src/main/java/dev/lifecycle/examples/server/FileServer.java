package dev.lifecycle.examples.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program of its own, the Java stand-in for {@code python -m http.server}: serves the files of a
 * directory over HTTP until it is terminated. {@link StaticSiteServer} runs it as a child process.
 *
 * <pre>java -cp ... dev.lifecycle.examples.server.FileServer PORT DIRECTORY</pre>
 */
public final class FileServer {

  private FileServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FileServer PORT DIRECTORY");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path root = Path.of(args[1]).toAbsolutePath().normalize();
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/", exchange -> serve(exchange, root));
    server.start();
    System.out.println("FileServer: serving " + root + " on port " + port);
  }

  private static void serve(HttpExchange exchange, Path root) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        byte[] notFound = ("404: no file " + path + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, notFound.length);
        exchange.getResponseBody().write(notFound);
        return;
      }
      byte[] content = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", contentType(file));
      exchange.sendResponseHeaders(200, content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
  }
}
