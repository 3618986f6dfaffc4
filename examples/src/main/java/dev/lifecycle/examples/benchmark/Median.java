package dev.lifecycle.examples.benchmark;

import java.util.List;

/** The middle of a list of measurements (the upper one of an even count). */
final class Median {

  private Median() {}

  static long of(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
  }

  static double ratio(long slower, long faster) {
    return slower / (double) Math.max(1, faster);
  }
}
