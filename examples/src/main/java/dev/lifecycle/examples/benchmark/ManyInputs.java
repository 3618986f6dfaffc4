package dev.lifecycle.examples.benchmark;

import dev.lifecycle.examples.model.SentimentService;
import dev.lifecycle.examples.model.SentimentServiceClient;
import dev.lifecycle.pool.ContainerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Throughput of many small inputs over a pool of {@value #CONTAINERS} restored sentiment
 * containers, in inputs per second: called one by one, mapped ({@code pool.map}), and sent all at
 * once to the {@code @Batched} {@code label} method, which the pool groups into batches.
 */
record ManyInputs(double oneByOnePerSecond, double mapPerSecond, double batchedPerSecond) {

  static final int INPUTS = 2_000;
  static final int CONTAINERS = 2;

  static ManyInputs measure(Path store) {
    List<String> reviews = new ArrayList<>();
    for (int i = 0; i < INPUTS; i++) {
      reviews.add(i % 2 == 0 ? SnapshotBenchmark.REVIEW : "boring, and far too long");
    }
    try (ContainerPool pool = ContainerPool.builder(SentimentService.class).snapshotStore(store)
        .minContainers(CONTAINERS).maxContainers(CONTAINERS).build()) {
      SentimentServiceClient client = SentimentServiceClient.of(pool);
      client.predict(reviews.get(0)); // both containers ready, the path warm
      long start = System.nanoTime();
      reviews.forEach(client::predict);
      double oneByOne = perSecond(start);
      start = System.nanoTime();
      try (Stream<Object> labels = pool.map("predict", reviews)) {
        labels.forEach(label -> {});
      }
      double mapped = perSecond(start);
      start = System.nanoTime();
      List<CompletableFuture<String>> labels = reviews.stream().map(client::labelAsync).toList();
      labels.forEach(CompletableFuture::join);
      double batched = perSecond(start);
      return new ManyInputs(oneByOne, mapped, batched);
    }
  }

  private static double perSecond(long startNanos) {
    return INPUTS / ((System.nanoTime() - startNanos) / 1e9);
  }
}
