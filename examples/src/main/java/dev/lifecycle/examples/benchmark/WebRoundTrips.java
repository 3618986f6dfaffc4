package dev.lifecycle.examples.benchmark;

import dev.lifecycle.examples.web.SentimentApi;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.runtime.Container;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Medians of sequential {@code POST /predict} round trips on one kept-alive connection, in
 * microseconds: to a container in this JVM, and through a pool's web address (two hops).
 */
record WebRoundTrips(long inJvmMedianMicros, long poolMedianMicros) {

  static final int REQUESTS = 200;

  static WebRoundTrips measure(Path store, String review) throws IOException, InterruptedException {
    long inJvm;
    try (Container<SentimentApi> api = Container.start(SentimentApi.class)) {
      inJvm = medianMicros(api.webAddress().orElseThrow(), review);
    }
    try (ContainerPool pool = ContainerPool.builder(SentimentApi.class).snapshotStore(store)
        .minContainers(1).maxContainers(1).build()) {
      return new WebRoundTrips(inJvm, medianMicros(pool.webAddress().orElseThrow(), review));
    }
  }

  private static long medianMicros(URI web, String review) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(web.resolve("/predict"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + review + "\"}")).build();
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i <= REQUESTS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("POST /predict answered " + response.statusCode() + ": "
            + response.body());
      }
      if (i > 0) { // the first one opens the connection
        micros.add((System.nanoTime() - start) / 1_000);
      }
    }
    return Median.of(micros);
  }
}
