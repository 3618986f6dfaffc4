package dev.lifecycle.examples.benchmark;

import dev.lifecycle.examples.benchmark.Measurements.Breakdown;
import dev.lifecycle.examples.benchmark.Measurements.Start;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as the Markdown of {@code docs/benchmarks.md}. */
final class BenchmarkReport {

  private BenchmarkReport() {}

  static String markdown(int runs, List<ServiceResult> results, long trivialImage, WebRoundTrips web,
      ManyInputs many) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: cold start against restore from a memory snapshot\n\n");
    md.append("Written by `scripts/benchmark.sh` (`").append(SnapshotBenchmark.class.getName())
        .append("`) on ").append(Instant.now().toString(), 0, 10).append(", ").append(runs)
        .append(" runs of each measurement, interleaved, after ")
        .append(SnapshotBenchmark.warmUpRounds())
        .append(" unmeasured rounds of the restores (so that the supervisor's own code is loaded and"
            + " its hottest parts compiled; its JIT compilers still compile some of it in the"
            + " measured rounds, as in a pool that has started only a few dozen containers)."
            + " Machine: ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Linux ")
        .append(System.getProperty("os.version")).append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", the pool's default worker options (the JVM's own).\n\n");
    md.append("Each start asks a new pool for a container and times it from that request to the first")
        .append(" result of a call. Ratios are to the restore's median.\n\n");
    for (ServiceResult result : results) {
      service(md, result, trivialImage);
    }
    md.append(String.format(Locale.ROOT, "Image of a trivial snapshot-enabled service (`%s`): %.1f MB.%n%n",
        TrivialService.class.getSimpleName(), trivialImage / 1e6));
    md.append(String.format(Locale.ROOT, "Web round trip (`SentimentApi`, `POST /predict`, %d"
        + " sequential requests on one kept-alive connection), median: %.1f ms in one JVM, %.1f ms"
        + " through the pool's web address (two hops).%n%n", WebRoundTrips.REQUESTS,
        web.inJvmMedianMicros() / 1000.0, web.poolMedianMicros() / 1000.0));
    md.append(String.format(Locale.ROOT, "Many inputs (%d sentiment reviews over a pool of %d restored"
        + " containers, 4 input slots each): one by one %.0f inputs/s, `pool.map` %.0f inputs/s"
        + " (%.1fx), the `@Batched` `label` method called for each at once %.0f inputs/s (%.1fx).%n%n",
        ManyInputs.INPUTS, ManyInputs.CONTAINERS, many.oneByOnePerSecond(), many.mapPerSecond(),
        many.mapPerSecond() / many.oneByOnePerSecond(), many.batchedPerSecond(),
        many.batchedPerSecond() / many.oneByOnePerSecond()));
    md.append("A shared, noisy machine: treat these as orders of magnitude.\n");
    return md.toString();
  }

  private static void service(StringBuilder md, ServiceResult r, long trivialImage) {
    BenchmarkedService s = r.service();
    long restore = r.restoreMedian();
    md.append("## ").append(s.what()).append(" (`").append(s.simpleName()).append("`)\n\n");
    md.append("Its `@Enter(snap = true)` hook ").append(s.work()).append("; the call is `")
        .append(s.method()).append("`.\n\n");
    md.append("| container requested to first result | median | ratio | runs (ms) |\n")
        .append("| --- | --- | --- | --- |\n");
    row(md, "cold start (new JVM, snap hooks run)", r.coldMedian(), restore, starts(r.cold()));
    row(md, "cold start with AppCDS (`-XX:SharedArchiveFile`)", r.appCdsMedian(), restore,
        starts(r.coldWithAppCds()));
    row(md, "**restore from the snapshot** (new pool)", restore, restore, starts(r.restored()));
    row(md, "scale-up: first call to a running pool with no container", Median.of(r.scaleUps()),
        restore, r.scaleUps());
    row(md, "one clone serving (new pool)", Median.of(r.oneClone()), restore, r.oneClone());
    row(md, SnapshotBenchmark.clones() + " clones requested at once, all serving (new pool)",
        Median.of(r.eightClones()), restore, r.eightClones());
    md.append('\n');
    md.append(String.format(Locale.ROOT, "Restore %.1fx faster than the cold start, %.1fx than the"
            + " cold start with AppCDS; %d clones at once took %.1fx as long as one.%n%n",
        Median.ratio(r.coldMedian(), restore), Median.ratio(r.appCdsMedian(), restore),
        SnapshotBenchmark.clones(), Median.ratio(Median.of(r.eightClones()), Median.of(r.oneClone()))));
    md.append(String.format(Locale.ROOT, "Image %.1f MB; live heap after a full GC %.1f MB; the"
            + " image is %.2fx (trivial service's image + live heap).%n%n",
        r.imageBytes() / 1e6, r.liveHeapBytes() / 1e6,
        r.imageBytes() / (double) (trivialImage + r.liveHeapBytes())));
    md.append(String.format(Locale.ROOT, "Warm call round trip, median of %d sequential calls: %.2f ms.%n%n",
        SnapshotBenchmark.warmCalls(), r.warmCallMicros() / 1000.0));
    md.append("Where a restore's time goes (medians, from the pool's own timings): the pool's set-up ")
        .append(r.restoreMedian(Start::setUpMillis)).append(" ms; the engine's restore (`criu")
        .append(" restore`, from start to exit) ").append(r.restoreMedian(Start::engineMillis))
        .append(" ms; then to serving (post-snapshot hooks, reconnecting) ")
        .append(r.restoreMedian(Start::readyMillis) - r.restoreMedian(Start::engineMillis))
        .append(" ms; the first call ").append(r.restoreMedian(Start::firstCallMillis)).append(" ms.")
        .append(" One more restore, step by step, from the pool's timings and criu's own log")
        .append(" (`CriuEngine.keepingRestoreLogs()`):\n\n");
    breakdown(md, r.breakdown());
  }

  private static void breakdown(StringBuilder md, Breakdown b) {
    Start s = b.start();
    CriuRestoreLog criu = b.criu();
    md.append("| step of one restore | ms |\n| --- | --- |\n");
    step(md, "the pool's set-up: the engine, the snapshot's lookup and check, its socket",
        s.setUpMillis());
    step(md, "criu: from its start to forking the process tree (options, image files, the"
        + " kernel's features from its cache)", criu.forkMillis());
    step(md, criu.mappedBytes() > 0
        ? String.format(Locale.ROOT, "criu: mapping %.1f MB of pages from the image, copying %.1f MB",
            criu.mappedBytes() / 1e6, criu.readBytes() / 1e6)
        : String.format(Locale.ROOT, "criu: copying %.1f MB of pages into the process (%.1f GB/s)",
            criu.readBytes() / 1e6, criu.readBytes() / 1e6 / Math.max(0.001, criu.pageMillis())),
        criu.pageMillis());
    step(md, "criu: the rest (memory maps, threads, files, resuming)", criu.restOfRestoreMillis());
    step(md, "criu's process starting and exiting, as the pool sees it",
        s.engineMillis() - criu.totalMillis());
    step(md, "post-snapshot hooks, reconnecting", s.readyMillis() - s.engineMillis());
    step(md, "the first call", s.firstCallMillis());
    md.append("| **requested to first result** | **").append(s.firstResultMillis()).append("** |\n\n");
  }

  private static void step(StringBuilder md, String what, double millis) {
    md.append("| ").append(what).append(" | ")
        .append(String.format(Locale.ROOT, "%.1f", millis)).append(" |\n");
  }

  private static List<Long> starts(List<Start> starts) {
    return starts.stream().map(Start::firstResultMillis).toList();
  }

  private static void row(StringBuilder md, String what, long median, long restore, List<Long> runs) {
    md.append("| ").append(what).append(" | ").append(median).append(" ms | ")
        .append(String.format(Locale.ROOT, "%.1fx", Median.ratio(median, restore))).append(" | ")
        .append(runs).append(" |\n");
  }
}
