package dev.lifecycle.pool.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** This process's {@code /proc/self/status}, for what the JDK has no API for. */
public final class ProcStatus {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcStatus() {}

  /**
   * The value of field {@code name}, read afresh, without the name and colon and trimmed: {@code
   * "0\t0\t0\t0"} for {@code Uid}, {@code "51388 kB"} for {@code RssAnon}. Empty when there is no
   * such field or no {@code /proc} (not Linux).
   */
  public static Optional<String> field(String name) {
    String prefix = name + ":";
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.UTF_8)) {
        if (line.startsWith(prefix)) {
          return Optional.of(line.substring(prefix.length()).strip());
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // as no such field
    }
    return Optional.empty();
  }
}
