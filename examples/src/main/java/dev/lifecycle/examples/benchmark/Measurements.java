package dev.lifecycle.examples.benchmark;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.StartKind;
import dev.lifecycle.pool.criu.CriuEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's measurements: each starts what it measures and ends it again. */
final class Measurements {

  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private Measurements() {}

  /**
   * One start: from asking a new pool for a container to the first result of the service's call,
   * and the pool's own timings of it.
   *
   * @param setUpMillis the pool's own set-up before it asked for the container (finding the
   *     engine and the snapshot, opening its socket)
   * @param readyMillis the container's start: requested to serving (for a restore: the engine's
   *     restore, the post-snapshot hooks and reconnecting)
   * @param engineMillis the engine's restore alone; -1 for a cold start
   * @param firstCallMillis the first call on the container
   */
  record Start(StartKind kind, long firstResultMillis, long setUpMillis, long readyMillis,
      long engineMillis, long firstCallMillis) {}

  static Start start(BenchmarkedService service, ContainerPoolBuilder builder) {
    return startKeeping(service, builder).start();
  }

  /** A start, and the container it started (ended by then), for files it left. */
  private record Started(Start start, ContainerInfo container) {}

  private static Started startKeeping(BenchmarkedService service, ContainerPoolBuilder builder) {
    long requested = System.nanoTime();
    try (ContainerPool pool = builder.build()) {
      long built = System.nanoTime();
      service.call(pool);
      long firstResult = System.nanoTime();
      ContainerInfo container = pool.containers().get(0);
      long ready = container.startDuration().map(d -> d.toMillis()).orElse(-1L);
      return new Started(new Start(container.startKind(), millis(firstResult - requested),
          millis(built - requested) - ready, ready,
          container.restoreDuration().map(d -> d.toMillis()).orElse(-1L),
          millis(firstResult - built)), container);
    }
  }

  /** One restore as {@link #start} measures it, and what criu's own log of it says. */
  record Breakdown(Start start, CriuRestoreLog criu) {}

  /** One restore whose criu log is kept and read. */
  static Breakdown breakdown(BenchmarkedService service, Path store, Path dir) throws IOException {
    Path logs = Files.createDirectories(dir.resolve("restore-logs-" + service.simpleName()));
    Started started = startKeeping(service, service.restoring(store, 1).workDirectory(logs)
        .engine(CriuEngine.fromEnvironment().keepingRestoreLogs()));
    ContainerInfo container = started.container();
    Path log = container.logFile().resolveSibling(container.containerId() + ".restore")
        .resolve("restore.log");
    return new Breakdown(started.start(), CriuRestoreLog.read(log));
  }

  /** From asking a new pool for {@code count} restored containers until all of them serve. */
  static long clonesServing(BenchmarkedService service, Path store, int count) {
    long requested = System.nanoTime();
    try (ContainerPool pool = service.restoring(store, count).build()) {
      long serving = System.nanoTime();
      requireAll(pool, StartKind.RESTORED);
      return millis(serving - requested);
    }
  }

  /**
   * Scale-up: a pool already running (set up, no container yet) gets its first call, which
   * restores a container; from that call to its result.
   */
  static long scaleUp(BenchmarkedService service, Path store) {
    try (ContainerPool pool = service.restoring(store, 0).build()) {
      long requested = System.nanoTime();
      service.call(pool);
      long result = System.nanoTime();
      requireAll(pool, StartKind.RESTORED);
      return millis(result - requested);
    }
  }

  /** The median round trip of sequential calls to a serving container, in microseconds. */
  static long warmCallMicros(BenchmarkedService service, Path store, int calls) {
    try (ContainerPool pool = service.restoring(store, 1).build()) {
      service.call(pool);
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        long start = System.nanoTime();
        service.call(pool);
        micros.add((System.nanoTime() - start) / 1_000);
      }
      return Median.of(micros);
    }
  }

  /**
   * The service's live heap after a full collection, in a cold container after one call, as the
   * JVM's own {@code jcmd GC.run} and {@code GC.heap_info} say.
   */
  static long liveHeapBytes(BenchmarkedService service) throws IOException, InterruptedException {
    try (ContainerPool pool = service.pool(1).memorySnapshots(false).build()) {
      service.call(pool);
      long pid = pool.containers().get(0).pid();
      jcmd(pid, "GC.run");
      String info = jcmd(pid, "GC.heap_info");
      Matcher used = HEAP_USED.matcher(info);
      if (!used.find()) {
        throw new IllegalStateException("jcmd GC.heap_info printed no heap use: " + info);
      }
      return Long.parseLong(used.group(1)) * 1024;
    }
  }

  /**
   * Writes a class-data sharing archive of the service's cold start ({@code
   * -XX:ArchiveClassesAtExit}, written when its worker exits), for cold starts with {@code
   * -XX:SharedArchiveFile}: what a user would try first instead of snapshots.
   */
  static Path appCdsArchive(BenchmarkedService service, Path dir) {
    Path archive = dir.resolve(service.simpleName() + ".jsa");
    try (ContainerPool pool = service.pool(1).memorySnapshots(false)
        .jvmOptions(List.of("-XX:ArchiveClassesAtExit=" + archive)).build()) {
      service.call(pool);
    }
    // The JVM writes it on its way out, which may outlast the pool's close.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.isRegularFile(archive) && System.nanoTime() < deadline) {
      sleep(100);
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the worker wrote no class-data sharing archive " + archive);
    }
    return archive;
  }

  private static void requireAll(ContainerPool pool, StartKind kind) {
    for (ContainerInfo container : pool.containers()) {
      if (container.startKind() != kind) {
        throw new IllegalStateException("expected " + kind + " containers only: " + pool.containers());
      }
    }
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
