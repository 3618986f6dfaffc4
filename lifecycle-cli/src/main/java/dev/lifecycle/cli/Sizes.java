package dev.lifecycle.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and durations as people write and read them. */
final class Sizes {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  private Sizes() {}

  /** {@code 153 MiB}, {@code 2.0 GiB}, {@code 512 bytes}. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, or ISO-8601 ({@code PT36H}). */
  static Duration duration(String text, String what) throws UsageException {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        default:
          return Duration.ofDays(n);
      }
    }
    try {
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new UsageException(what + " must be a duration such as 30s, 15m, 12h or 7d, not \"" + text + "\"");
    }
  }

  /** {@link dev.lifecycle.pool.SnapshotStoreAdmin#parseSize} as a usage error. */
  static long size(String text, String what) throws UsageException {
    try {
      return dev.lifecycle.pool.SnapshotStoreAdmin.parseSize(text, what);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
