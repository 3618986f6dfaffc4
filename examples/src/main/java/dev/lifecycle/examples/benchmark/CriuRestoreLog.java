package dev.lifecycle.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What criu's own log of one restore ({@code -v4}: every line starts with the seconds since criu
 * started) says about where the restore's time went.
 *
 * @param forkMillis from criu's start to forking the restored process tree (reading the options
 *     and images, the kernel's features from its cache)
 * @param pageMillis bringing the image's pages into the process: mapping them (the criu {@code
 *     lifecycle install-criu} builds) or copying them ({@code preadv}, a stock criu)
 * @param mappedBytes how many bytes of pages were mapped from the image
 * @param readBytes how many bytes of pages were copied
 * @param totalMillis from criu's start to "Restore finished successfully"
 */
record CriuRestoreLog(double forkMillis, double pageMillis, long mappedBytes, long readBytes,
    double totalMillis) {

  private static final Pattern LINE = Pattern.compile("^\\((\\d+)\\.(\\d+)\\) (.*)$");
  private static final Pattern RETURNED = Pattern.compile("`- returned (\\d+)");
  private static final Pattern RESTORED =
      Pattern.compile("Lifecycle: pages restored: (\\d+) bytes mapped, (\\d+) bytes read");

  static CriuRestoreLog read(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    double fork = -1;
    double total = -1;
    double pages = 0;
    long mapped = 0;
    long read = 0;
    double started = -1;
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      double millis = Long.parseLong(m.group(1)) * 1000.0 + Long.parseLong(m.group(2)) / 1000.0;
      String text = m.group(3);
      if (fork < 0 && text.startsWith("Forking task")) {
        fork = millis;
      } else if (text.contains(": Preadv ") || text.contains(": Lifecycle: restoring ")) {
        started = millis;
      } else if (started >= 0) {
        Matcher returned = RETURNED.matcher(text);
        Matcher restored = RESTORED.matcher(text);
        if (restored.find()) {
          pages += millis - started;
          mapped += Long.parseLong(restored.group(1));
          read += Long.parseLong(restored.group(2));
          started = -1;
        } else if (returned.find()) {
          pages += millis - started;
          read += Long.parseLong(returned.group(1));
          started = -1;
        }
      }
      if (text.startsWith("Restore finished successfully")) {
        total = millis;
      }
    }
    if (fork < 0 || total < 0) {
      throw new IllegalStateException(log + " is not the log of a restore that worked");
    }
    return new CriuRestoreLog(fork, pages, mapped, read, total);
  }

  double restOfRestoreMillis() {
    return totalMillis - forkMillis - pageMillis;
  }
}
