package dev.lifecycle.examples.model;

import dev.lifecycle.examples.web.SentimentApi;
import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.SnapshotStatus;
import dev.lifecycle.runtime.Container;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, in one run, the time from "container requested" to "first result" for a cold start
 * and for a restore from a memory snapshot of the same service, over several runs each, and
 * writes the results to a Markdown file (by default {@code docs/benchmarks.md}).
 *
 * <p>"Requested" is the moment the pool is asked for a container (a new pool with one container);
 * "first result" is the moment the first {@code predict} call returns. A cold start pays for a new
 * JVM, class loading and the model's training; a restore pays for the snapshot engine's restore
 * (CRIU's), the post-snapshot hook and reconnecting. Not a test: timings on a shared machine are noisy, so the
 * table keeps every run and reports medians.
 *
 * <pre>scripts/benchmark.sh [runs] [output.md]</pre>
 */
public final class SnapshotBenchmark {

  private static final String REVIEW = "a wonderful, moving film";

  private SnapshotBenchmark() {}

  /** One measured start. */
  record Run(long firstResultMillis, long readyMillis, long engineRestoreMillis) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path output = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
    Path store = Files.createTempDirectory("lifecycle-benchmark-snapshots-");
    try {
      List<Run> cold = new ArrayList<>();
      List<Run> restored = new ArrayList<>();
      SnapshotStatus status;
      try (ContainerPool first = pool().snapshotStore(store).build()) {
        first.call("predict", REVIEW);
        status = first.snapshotStatus();
      }
      if (status.state() != SnapshotStatus.State.AVAILABLE) {
        throw new IllegalStateException("No memory snapshot on this machine, nothing to compare: "
            + status.detail());
      }
      // Alternate, so that a burst of load on the machine hits both kinds alike.
      for (int i = 0; i < runs; i++) {
        cold.add(measure(pool().memorySnapshots(false)));
        restored.add(measure(pool().snapshotStore(store)));
        System.out.printf(Locale.ROOT, "run %d: cold %d ms, restore %d ms%n", i + 1,
            cold.get(i).firstResultMillis(), restored.get(i).firstResultMillis());
      }
      WebRoundTrips web = new WebRoundTrips(inJvmRoundTrips(), poolRoundTrips(store));
      System.out.printf(Locale.ROOT, "web round trip, median: in one JVM %d us, through the pool %d us%n",
          web.inJvmMedianMicros(), web.poolMedianMicros());
      String report = report(runs, status, cold, restored, web);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, report);
      System.out.println();
      System.out.println(report);
      System.out.println("Written to " + output.toAbsolutePath());
    } finally {
      SnapshotDemo.deleteRecursively(store);
    }
  }

  private static Run measure(ContainerPoolBuilder builder) {
    long requested = System.nanoTime();
    try (ContainerPool pool = builder.build()) {
      pool.call("predict", REVIEW);
      long firstResult = (System.nanoTime() - requested) / 1_000_000;
      ContainerInfo container = pool.containers().get(0);
      return new Run(
          firstResult,
          container.startDuration().map(d -> d.toMillis()).orElse(-1L),
          container.restoreDuration().map(d -> d.toMillis()).orElse(-1L));
    }
  }

  /** Medians of sequential {@code POST /predict} round trips on one kept-alive connection. */
  record WebRoundTrips(long inJvmMedianMicros, long poolMedianMicros) {}

  private static final int WEB_REQUESTS = 200;

  private static long inJvmRoundTrips() throws IOException, InterruptedException {
    try (Container<SentimentApi> api = Container.start(SentimentApi.class)) {
      return medianRoundTripMicros(api.webAddress().orElseThrow());
    }
  }

  private static long poolRoundTrips(Path store) throws IOException, InterruptedException {
    try (ContainerPool pool = ContainerPool.builder(SentimentApi.class).snapshotStore(store)
        .minContainers(1).maxContainers(1).build()) {
      return medianRoundTripMicros(pool.webAddress().orElseThrow());
    }
  }

  private static long medianRoundTripMicros(URI web) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(web.resolve("/predict"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + REVIEW + "\"}")).build();
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i <= WEB_REQUESTS; i++) {
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
    return median(micros);
  }

  private static ContainerPoolBuilder pool() {
    return ContainerPool.builder(SentimentService.class).minContainers(1).maxContainers(1);
  }

  private static String report(int runs, SnapshotStatus status, List<Run> cold, List<Run> restored,
      WebRoundTrips web) {
    long coldMedian = median(cold.stream().map(Run::firstResultMillis).toList());
    long restoreMedian = median(restored.stream().map(Run::firstResultMillis).toList());
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: cold start against restore from a memory snapshot\n\n");
    md.append("Written by `scripts/benchmark.sh` (`dev.lifecycle.examples.model.SnapshotBenchmark`)")
        .append(" on ").append(Instant.now().toString(), 0, 10).append(".\n\n");
    md.append("Service: `SentimentService` of the examples, whose `@Enter(snap = true)` hook trains")
        .append(" a sentiment model (about a second of work). Each run asks a new pool for one")
        .append(" container and times it from that request to the first `predict` result.\n\n");
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Linux ")
        .append(System.getProperty("os.version")).append(", Java ")
        .append(System.getProperty("java.version")).append(". Snapshot image: ")
        .append(String.format(Locale.ROOT, "%.1f MB", status.imageSize() / 1e6)).append(".\n\n");
    md.append("| | first result, median | runs (ms) |\n| --- | --- | --- |\n");
    md.append("| cold start (new JVM, model trained) | ").append(coldMedian).append(" ms | ")
        .append(cold.stream().map(r -> String.valueOf(r.firstResultMillis())).toList()).append(" |\n");
    md.append("| restore from the snapshot | ").append(restoreMedian).append(" ms | ")
        .append(restored.stream().map(r -> String.valueOf(r.firstResultMillis())).toList()).append(" |\n\n");
    md.append(String.format(Locale.ROOT, "Speed-up: %.1fx (median of %d runs each).%n%n",
        coldMedian / (double) Math.max(1, restoreMedian), runs));
    md.append("Where a restore's time goes, median: the engine's restore (CRIU) ")
        .append(median(restored.stream().map(Run::engineRestoreMillis).toList()))
        .append(" ms; requested to serving (restore, post-snapshot hook, reconnect) ")
        .append(median(restored.stream().map(Run::readyMillis).toList()))
        .append(" ms; the rest is the pool's set-up (checking the engine and the snapshot) and the")
        .append(" first call.\n\n");
    md.append(String.format(Locale.ROOT, "Web round trip (`SentimentApi`, `POST /predict`, %d"
        + " sequential requests on one kept-alive connection), median: %.1f ms in one JVM, %.1f ms"
        + " through the pool's web address (two hops).%n%n", WEB_REQUESTS,
        web.inJvmMedianMicros() / 1000.0, web.poolMedianMicros() / 1000.0));
    md.append("A shared, noisy machine: treat these as orders of magnitude. For comparison,")
        .append(" `../shared/reference/criu-on-this-machine.md` measured a plain CRIU restore of a")
        .append(" 136 MB JVM image answering its first call 110 to 130 ms after the restore began.\n");
    return md.toString();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
  }
}
