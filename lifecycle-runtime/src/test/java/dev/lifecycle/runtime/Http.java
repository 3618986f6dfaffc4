package dev.lifecycle.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real HTTP for the web tests. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private Http() {}

  static HttpResponse<String> send(String method, URI base, String pathAndQuery, String body) {
    try {
      return CLIENT.send(request(method, base, pathAndQuery, body), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static CompletableFuture<HttpResponse<String>> sendAsync(
      String method, URI base, String pathAndQuery, String body) {
    return CLIENT.sendAsync(request(method, base, pathAndQuery, body), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI base, String pathAndQuery) {
    return send("GET", base, pathAndQuery, null);
  }

  static HttpResponse<String> post(URI base, String path, String body) {
    return send("POST", base, path, body);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpRequest request(String method, URI base, String pathAndQuery, String body) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
