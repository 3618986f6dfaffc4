package dev.lifecycle.examples.model;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.SnapshotStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The main job: the sentiment model in worker JVMs, first cold, then checkpointed with CRIU, then
 * as three clones restored at once from that snapshot, with the timeline of each kind of start
 * and the speed-up a snapshot brings. Without a working CRIU, the pool says why and starts cold.
 */
public final class SnapshotDemo {

  private static final String REVIEW = "a wonderful, moving film";

  private SnapshotDemo() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    // A fresh store, so that the demo shows the checkpoint; removed at the end (logs included),
    // since an image holds the process's memory.
    Path store = Files.createTempDirectory("lifecycle-demo-snapshots-");
    try {
      run(store, out);
    } finally {
      deleteRecursively(store);
    }
  }

  static void run(Path store, PrintStream out) {
    out.println("Lifecycle demo: a sentiment model in worker JVMs, with a memory snapshot");
    out.println();

    out.println("1. A cold start: a new JVM creates the service and trains the model itself.");
    long coldFirstResult;
    long coldRequested = System.nanoTime();
    try (ContainerPool cold = pool().memorySnapshots(false).build()) {
      Object answer = cold.call("predict", REVIEW);
      coldFirstResult = millisSince(coldRequested);
      ContainerInfo container = cold.containers().get(0);
      out.printf(Locale.ROOT, "   %s%n   predict(\"%s\") -> %s%n", container, REVIEW, answer);
      out.printf(Locale.ROOT, "   first result %d ms after the container was requested%n%n", coldFirstResult);
      printTimeline(container, out);
    }

    out.println();
    out.println("2. The first container of a snapshot-enabled pool: the snap hook trains the model,");
    out.println("   CRIU checkpoints the JVM, and the same process goes on to its post-snapshot hook.");
    SnapshotStatus status;
    try (ContainerPool first = pool().snapshotStore(store).build()) {
      first.call("predict", REVIEW);
      status = first.snapshotStatus();
      ContainerInfo container = first.containers().get(0);
      out.printf(Locale.ROOT, "   %s%n   snapshot: %s%s%n%n", container, status.state(),
          status.imageSize() > 0 ? String.format(Locale.ROOT, ", image %.1f MB", status.imageSize() / 1e6) : "");
      if (status.state() != SnapshotStatus.State.AVAILABLE) {
        out.println("   No snapshot: " + status.detail());
        out.println("   (Containers start cold; `lifecycle install-criu`, run as root, installs a CRIU that works; `lifecycle doctor` says what is missing.)");
      }
      printTimeline(container, out);
    }

    out.println();
    out.println("3. Three containers requested at once: each is a clone restored from the snapshot,");
    out.println("   in its own pid namespace; only the post-snapshot hook runs in each.");
    List<Long> readyTimes = new ArrayList<>();
    long clonesFirstResult;
    List<ContainerInfo> restored;
    long clonesRequested = System.nanoTime();
    Path logs = store.resolve("logs");
    try (ContainerPool clones = pool().snapshotStore(store).workDirectory(logs)
        .minContainers(3).maxContainers(3).build()) {
      String answer = SentimentServiceClient.of(clones).predict(REVIEW); // the generated client
      clonesFirstResult = millisSince(clonesRequested);
      List<ContainerInfo> containers = clones.containers();
      for (ContainerInfo container : containers) {
        out.printf(Locale.ROOT, "   %s%n", container);
        container.startDuration().ifPresent(ready -> readyTimes.add(ready.toMillis()));
      }
      out.printf(Locale.ROOT, "   predict(\"%s\") -> %s%n", REVIEW, answer);
      printManyReviews(clones, out);
      out.println();
      containers.stream()
          .max(Comparator.comparing(ContainerInfo::containerId))
          .ifPresent(container -> printTimeline(container, out));
      restored = containers;
    }
    // Each clone's exit hook logged the id its post-snapshot hook made: one per clone.
    out.println();
    out.println("   Exit hooks of the clones, from each clone's own log:");
    for (ContainerInfo container : restored) {
      out.printf(Locale.ROOT, "   %s: %s%n", container.containerId(), exitLine(container.logFile()));
    }

    out.println();
    readyTimes.sort(null);
    if (status.state() == SnapshotStatus.State.AVAILABLE && !readyTimes.isEmpty()) {
      long median = readyTimes.get(readyTimes.size() / 2);
      out.printf(Locale.ROOT, "Cold start, container requested to first result:    %6d ms%n", coldFirstResult);
      out.printf(Locale.ROOT, "Three clones restored at once, requested to first result: %d ms%n",
          clonesFirstResult);
      out.printf(Locale.ROOT, "Each clone ready after (requested to serving): %s ms, median %d ms%n",
          readyTimes, median);
      out.printf(Locale.ROOT, "Speed-up of a restore over a cold start: %.1fx%n",
          coldFirstResult / (double) Math.max(1, clonesFirstResult));
    } else {
      out.printf(Locale.ROOT, "Cold start to first result: %d ms. No snapshot on this machine: %s%n",
          coldFirstResult, status.detail());
    }
  }

  private static ContainerPoolBuilder pool() {
    return ContainerPool.builder(SentimentService.class).minContainers(1).maxContainers(1);
  }

  private static void printTimeline(ContainerInfo container, PrintStream out) {
    ModelDemo.printTimeline(container.timeline().events(), container.timeline().hooks(), out);
  }

  /** 300 reviews over the clones: one by one with {@code map}, then grouped by {@code @Batched}. */
  private static void printManyReviews(ContainerPool clones, PrintStream out) {
    List<String> reviews = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      reviews.add(ModelDemo.REVIEWS.get(i % ModelDemo.REVIEWS.size()));
    }
    long mapStarted = System.nanoTime();
    long positive;
    try (Stream<Object> labels = clones.map("predict", reviews)) {
      positive = labels.filter(label -> label.toString().startsWith("positive")).count();
    }
    out.printf(Locale.ROOT, "   map(\"predict\", %d reviews) over the clones: %d positive, %d ms%n",
        reviews.size(), positive, millisSince(mapStarted));
    SentimentServiceClient client = SentimentServiceClient.of(clones);
    long batchedStarted = System.nanoTime();
    List<CompletableFuture<String>> labels = reviews.stream().map(client::labelAsync).toList();
    long batchedPositive = labels.stream().map(CompletableFuture::join)
        .filter(label -> label.startsWith("positive")).count();
    out.printf(Locale.ROOT, "   the same %d reviews through @Batched label(...): %d positive, %d ms%n",
        reviews.size(), batchedPositive, millisSince(batchedStarted));
  }

  /** The line the service's exit hook logged, in a container's log file. */
  private static String exitLine(Path logFile) {
    try (Stream<String> lines = Files.lines(logFile)) {
      return lines.filter(line -> line.contains("Sentiment container ")).findFirst()
          .map(String::strip).orElse("(no exit line in " + logFile + ")");
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Deletes a snapshot store made for a run: its images hold process memory. */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
