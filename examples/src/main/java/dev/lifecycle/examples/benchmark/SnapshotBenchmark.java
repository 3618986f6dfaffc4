package dev.lifecycle.examples.benchmark;

import dev.lifecycle.examples.benchmark.Measurements.Start;
import dev.lifecycle.examples.model.SentimentService;
import dev.lifecycle.examples.model.SnapshotDemo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.SnapshotStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, in one run, how fast containers of two services start from a memory snapshot against
 * their cold starts (plain, and with the JDK's class-data sharing), how 8 clones requested at once
 * compare with one, a scale-up in a running pool, the warm call, the images' sizes against the
 * live heap, and the web round trip; writes it all to a Markdown file (by default {@code
 * docs/benchmarks.md}). Not a test: timings on a shared machine are noisy, so the report keeps
 * every run and gives medians.
 *
 * <p>"Requested" is the moment a new pool is asked for a container; "first result" the moment the
 * first call returns. A cold start pays for a new JVM, class loading and the snap hooks' work; a
 * restore for the snapshot engine's restore (CRIU's), the post-snapshot hooks and reconnecting.
 *
 * <pre>scripts/benchmark.sh [runs (default 5)] [output.md]</pre>
 */
public final class SnapshotBenchmark {

  static final String REVIEW = "a wonderful, moving film";
  private static final int CLONES = 8;
  private static final int WARM_CALLS = 200;
  /**
   * Unmeasured rounds of the restored kinds before the measured ones: the supervisor's own code
   * (this JVM's) is compiled by then, as in a pool that has run a while, instead of the first
   * runs measuring its interpreter and compilers.
   */
  private static final int WARM_UP_ROUNDS = 2;

  private SnapshotBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path output = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
    List<BenchmarkedService> services = List.of(
        new BenchmarkedService(SentimentService.class, "the examples' sentiment model",
            "trains a sentiment model", "predict", List.of(REVIEW)),
        new BenchmarkedService(IndexService.class, "an index-building service",
            "builds an inverted index of 300,000 generated documents", "documentsWith",
            List.of("term7")));
    Path dir = Files.createTempDirectory("lifecycle-benchmark-");
    try {
      List<ServiceResult> results = new ArrayList<>();
      for (BenchmarkedService service : services) {
        results.add(measure(service, dir, runs));
      }
      long trivialImage = imageOf(new BenchmarkedService(TrivialService.class, "a trivial service",
          "sets one field", "ping", List.of()), dir.resolve("store-trivial"));
      WebRoundTrips web = WebRoundTrips.measure(dir.resolve("store-web"), REVIEW);
      ManyInputs many = ManyInputs.measure(dir.resolve("store-" + SentimentService.class.getSimpleName()));
      String report = BenchmarkReport.markdown(runs, results, trivialImage, web, many);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, report);
      System.out.println();
      System.out.println(report);
      System.out.println("Written to " + output.toAbsolutePath());
    } finally {
      SnapshotDemo.deleteRecursively(dir);
    }
  }

  private static ServiceResult measure(BenchmarkedService service, Path dir, int runs)
      throws IOException, InterruptedException {
    Path store = dir.resolve("store-" + service.simpleName());
    long image = imageOf(service, store);
    long live = Measurements.liveHeapBytes(service);
    Path archive = Measurements.appCdsArchive(service, dir);
    List<Start> cold = new ArrayList<>();
    List<Start> appCds = new ArrayList<>();
    List<Start> restored = new ArrayList<>();
    List<Long> one = new ArrayList<>();
    List<Long> eight = new ArrayList<>();
    List<Long> scaleUps = new ArrayList<>();
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      Measurements.start(service, service.restoring(store, 1));
      Measurements.clonesServing(service, store, CLONES);
      Measurements.scaleUp(service, store);
    }
    // Interleaved, so that a burst of load on the machine hits every kind alike.
    for (int i = 0; i < runs; i++) {
      cold.add(Measurements.start(service, service.pool(1).memorySnapshots(false)));
      appCds.add(Measurements.start(service, service.pool(1).memorySnapshots(false)
          .jvmOptions(List.of("-XX:SharedArchiveFile=" + archive))));
      restored.add(Measurements.start(service, service.restoring(store, 1)));
      one.add(Measurements.clonesServing(service, store, 1));
      eight.add(Measurements.clonesServing(service, store, CLONES));
      scaleUps.add(Measurements.scaleUp(service, store));
      System.out.printf(Locale.ROOT, "%s run %d: cold %d ms, AppCDS %d ms, restore %d ms, %d clones %d ms%n",
          service.simpleName(), i + 1, cold.get(i).firstResultMillis(),
          appCds.get(i).firstResultMillis(), restored.get(i).firstResultMillis(), CLONES, eight.get(i));
    }
    long warm = Measurements.warmCallMicros(service, store, WARM_CALLS);
    Measurements.Breakdown breakdown = Measurements.breakdown(service, store, dir);
    return new ServiceResult(service, image, live, cold, appCds, restored, one, eight, scaleUps, warm,
        breakdown);
  }

  /** Builds the service's snapshot in {@code store}; its image's size. */
  private static long imageOf(BenchmarkedService service, Path store) {
    try (ContainerPool first = service.restoring(store, 1).build()) {
      service.call(first);
      SnapshotStatus status = first.snapshotStatus();
      if (status.state() != SnapshotStatus.State.AVAILABLE) {
        throw new IllegalStateException("No memory snapshot of " + service.simpleName()
            + " on this machine, nothing to compare: " + status.detail());
      }
      return status.imageSize();
    }
  }

  static int clones() {
    return CLONES;
  }

  static int warmUpRounds() {
    return WARM_UP_ROUNDS;
  }

  static int warmCalls() {
    return WARM_CALLS;
  }
}
