package dev.lifecycle.pool.criu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one criu process from a {@link ProcessBuilder} (never through a shell), with a deadline,
 * and always reaps it.
 *
 * <p>On timeout or interruption criu and everything it started are killed: a half-restored
 * process tree is a child of criu until criu finishes, so killing criu's descendants first is what
 * keeps a failed restore from leaving a stray process behind.
 */
final class CriuCommand {

  /** How much of criu's own output is kept; it is only quoted when the log has nothing. */
  private static final int MAX_CAPTURED_BYTES = 64 * 1024;

  /** How long to wait for a killed process to be reaped before giving up on it. */
  static final Duration REAP_GRACE = Duration.ofSeconds(10);

  /**
   * A finished run.
   *
   * @param exitCode criu's exit code
   * @param output what criu printed when its output was a pipe, else empty
   * @param took wall-clock time of the run
   */
  record Finished(int exitCode, String output, Duration took) {}

  private CriuCommand() {}

  /** Runs {@code command} with stdin from /dev/null and stdout and stderr captured together. */
  static Finished runCapturing(List<String> command, Duration timeout, String what)
      throws CriuException {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true);
    return run(pb, timeout, what, null);
  }

  /**
   * Runs {@code pb} until it exits or {@code timeout} passes.
   *
   * @param what the operation, for messages: {@code "criu dump of process 42"}
   * @param log criu's log file, quoted when the run times out
   * @throws CriuException when criu cannot be started, times out or the wait is interrupted
   */
  static Finished run(ProcessBuilder pb, Duration timeout, String what, Path log)
      throws CriuException {
    long start = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CriuException(
          "Could not start " + what + " (" + pb.command().get(0) + "): " + e.getMessage(), log, e);
    }
    OutputCollector collector = OutputCollector.startIfPiped(process, pb);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new CriuException(interrupted(what, log, collector.text()), log, e);
    }
    if (!finished) {
      kill(process);
      throw new CriuException(timedOut(what, timeout, log, collector.text()), log);
    }
    return new Finished(process.exitValue(), collector.text(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** The message of a run killed at its deadline; {@code output} is criu's, if it was piped. */
  static String timedOut(String what, Duration timeout, Path log, String output) {
    return what + " did not finish within " + format(timeout) + "; criu and its children were"
        + " killed. Raise the timeout if the process is very large." + CriuLog.quote(log, output);
  }

  /** The message of a run killed because its wait was interrupted. */
  static String interrupted(String what, Path log, String output) {
    return what + " was interrupted; criu was killed." + CriuLog.quote(log, output);
  }

  /**
   * Kills criu and everything it started: its descendants first, as a half-restored tree is one
   * until criu finishes.
   */
  static void destroyTree(ProcessHandle criu) {
    criu.descendants().forEach(ProcessHandle::destroyForcibly);
    criu.destroyForcibly();
  }

  /** Kills {@code process} and its descendants, and reaps it. */
  static void kill(Process process) {
    destroyTree(process.toHandle());
    boolean interrupted = false;
    long deadline = System.nanoTime() + REAP_GRACE.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  static String format(Duration d) {
    long millis = d.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Drains a piped stdout on a daemon thread so criu never blocks on a full pipe. */
  private static final class OutputCollector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private OutputCollector(InputStream in) {
      this.thread = in == null ? null : new Thread(() -> drain(in), "criu-output");
      if (thread != null) {
        thread.setDaemon(true);
        thread.start();
      }
    }

    static OutputCollector startIfPiped(Process process, ProcessBuilder pb) {
      boolean piped = pb.redirectOutput() == ProcessBuilder.Redirect.PIPE;
      return new OutputCollector(piped ? process.getInputStream() : null);
    }

    private void drain(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          synchronized (bytes) {
            if (bytes.size() < MAX_CAPTURED_BYTES) {
              bytes.write(buffer, 0, Math.min(n, MAX_CAPTURED_BYTES - bytes.size()));
            }
          }
        }
      } catch (IOException ignored) {
        // The JDK closes the pipe when the process exits; what was read so far is kept.
      }
    }

    String text() {
      if (thread != null) {
        try {
          // The JDK hands the rest of the pipe to this stream when criu exits, so this is quick.
          thread.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
