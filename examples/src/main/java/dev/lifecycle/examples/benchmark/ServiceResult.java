package dev.lifecycle.examples.benchmark;

import dev.lifecycle.examples.benchmark.Measurements.Breakdown;
import dev.lifecycle.examples.benchmark.Measurements.Start;
import java.util.List;
import java.util.function.ToLongFunction;

/** Everything measured of one service in one run of the benchmark. */
record ServiceResult(BenchmarkedService service, long imageBytes, long liveHeapBytes,
    List<Start> cold, List<Start> coldWithAppCds, List<Start> restored, List<Long> oneClone,
    List<Long> eightClones, List<Long> scaleUps, long warmCallMicros, Breakdown breakdown) {

  long coldMedian() {
    return median(cold, Start::firstResultMillis);
  }

  long appCdsMedian() {
    return median(coldWithAppCds, Start::firstResultMillis);
  }

  long restoreMedian() {
    return median(restored, Start::firstResultMillis);
  }

  long restoreMedian(ToLongFunction<Start> part) {
    return median(restored, part);
  }

  private static long median(List<Start> starts, ToLongFunction<Start> part) {
    return Median.of(starts.stream().map(part::applyAsLong).toList());
  }
}
