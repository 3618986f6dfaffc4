package dev.lifecycle.pool.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies a worker's output pipe into its log file, on a daemon thread, until the pipe ends.
 *
 * <p>Only for workers that will be checkpointed: their standard output must be a pipe, not a file
 * (an image that recorded a file's size would not restore once the file grew); other workers write to their log file directly.
 */
final class LogPump {

  private LogPump() {}

  static void start(InputStream from, Path logFile, String containerId) {
    Thread thread = new Thread(() -> copy(from, logFile), "lifecycle-pool-log-" + containerId);
    thread.setDaemon(true);
    thread.start();
  }

  private static void copy(InputStream from, Path logFile) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from;
        OutputStream out = Files.newOutputStream(logFile, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The worker is gone, or the log cannot be written: nothing to report it to.
    }
  }
}
