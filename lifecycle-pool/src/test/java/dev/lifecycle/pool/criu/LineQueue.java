package dev.lifecycle.pool.criu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads lines from a stream on a daemon thread, so tests can wait for one with a deadline. */
final class LineQueue {

  /** Generous: the tests wait for a JVM to start or answer, never for a timing to hold. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final String name;

  LineQueue(InputStream in, String name) {
    this.name = name;
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // closed by the test
      }
    }, "lines-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** The next line starting with {@code prefix}, skipping others; fails after {@link #TIMEOUT}. */
  String expect(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        break;
      }
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    return fail(name + " printed no line starting with '" + prefix + "' within " + TIMEOUT.toSeconds()
        + " s; it printed: " + seen);
  }

  /** The value of {@code name=value} in {@code line}. */
  static String field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return fail("no " + name + "= in: " + line);
  }
}
