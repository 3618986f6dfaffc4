package dev.lifecycle.runtime.internal;

import java.time.Duration;

/** Formats durations the way people write them in messages and timelines. */
public final class Durations {

  private Durations() {}

  /** {@code 30 s}, {@code 1.5 s}, {@code 250 ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
