package dev.lifecycle.pool.internal.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands every line the workers of a pool write to the supervisor's logging: {@link System.Logger}
 * {@code dev.lifecycle.worker.<service class>}, each line prefixed with its container's id, so
 * that a service's output (its exit hooks' included) appears wherever the application's own logs
 * go, in its format (SLF4J, Logback, or the JDK's). What the service prints is at INFO; what the
 * worker runtime logged keeps its level (WARNING stays WARNING, with its stack trace).
 *
 * <p>A worker writes to its log file (a restored clone's standard output must be a file the
 * snapshot engine can hand it); one daemon thread per pool follows the files of the live
 * containers, reading what was appended every {@value #POLL_MILLIS} ms. {@link #finish} reads a
 * container's last lines once it ended and, unless the files are to be kept, deletes its file.
 *
 * <p>Bounded: one thread, and per container one partial line of at most {@value
 * #MAX_LINE_BYTES} bytes (a longer line is handed over in pieces of that size).
 */
public final class WorkerOutput implements AutoCloseable {

  static final int POLL_MILLIS = 100;
  static final int FAILED_FILES_KEPT = 20;
  static final int MAX_LINE_BYTES = 16 * 1024;
  private static final int CHUNK_BYTES = 64 * 1024;

  /**
   * A record the worker runtime logged, in its own one-line format ({@code OneLineLogs}): its
   * level is kept, its time (the supervisor's log has its own) is not.
   */
  private static final Pattern WORKER_RECORD = Pattern.compile(
      "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) (.*)");
  private static final Pattern EXCEPTION_LINE =
      Pattern.compile("[\\w$.]+(Exception|Error|Throwable)(: |$)");

  private static Level levelOf(String julLevel) {
    switch (julLevel) {
      case "SEVERE":
        return Level.ERROR;
      case "WARNING":
        return Level.WARNING;
      case "INFO":
        return Level.INFO;
      case "CONFIG":
      case "FINE":
        return Level.DEBUG;
      default:
        return Level.TRACE;
    }
  }

  private final System.Logger logger;
  private final boolean forward;
  private final boolean keepFiles;
  private final Map<String, Followed> followed = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean closed;
  /** The files of failed containers still kept, oldest first; guarded by itself. */
  private final ArrayDeque<Path> keptFailures = new ArrayDeque<>();

  /**
   * @param forward whether lines go to the logger; without, files are only written
   * @param keepFiles whether a container's file stays once it ended (in a directory the user chose)
   */
  public WorkerOutput(String serviceClassName, boolean forward, boolean keepFiles) {
    this.logger = System.getLogger("dev.lifecycle.worker." + serviceClassName);
    this.forward = forward;
    this.keepFiles = keepFiles;
    this.poller = new Thread(this::pollUntilClosed, "lifecycle-pool-worker-output");
    poller.setDaemon(true);
    if (forward) {
      poller.start();
    }
  }

  /** Follows {@code logFile}, the output of container {@code containerId}, from its start. */
  public void follow(String containerId, Path logFile) {
    followed.put(containerId, new Followed(containerId, logFile));
  }

  /**
   * Hands over the last lines of an ended container and stops following it. Idempotent.
   *
   * @param failed whether it ended other than by the pool's asking: then its file stays until the
   *     pool closes (the messages about it name the file), the last {@value #FAILED_FILES_KEPT} of
   *     them
   */
  public void finish(String containerId, boolean failed) {
    Followed f = followed.remove(containerId);
    if (f == null) {
      return;
    }
    f.readToEnd(true);
    if (keepFiles) {
      return;
    }
    if (!failed) {
      delete(f.file);
      return;
    }
    Path oldest = null;
    synchronized (keptFailures) {
      keptFailures.addLast(f.file);
      if (keptFailures.size() > FAILED_FILES_KEPT) {
        oldest = keptFailures.removeFirst();
      }
    }
    if (oldest != null) {
      delete(oldest);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      logger.log(Level.DEBUG, () -> "cannot delete " + file + ": " + e);
    }
  }

  /** Finishes every container still followed and stops the thread. */
  @Override
  public void close() {
    closed = true;
    poller.interrupt();
    followed.keySet().forEach(id -> finish(id, false));
  }

  private void pollUntilClosed() {
    while (!closed) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      for (Followed f : followed.values()) {
        f.readToEnd(false);
      }
    }
  }

  /** One container's file, and what of it was read. */
  private final class Followed {
    final String containerId;
    final Path file;
    /** Guarded by this. */
    long position;
    /** Guarded by this: the level of the last record the worker logged, for its stack trace. */
    Level lastLevel = Level.INFO;
    /** Guarded by this: the start of a line whose end was not written yet. */
    final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    Followed(String containerId, Path file) {
      this.containerId = containerId;
      this.file = file;
    }

    synchronized void readToEnd(boolean last) {
      if (!forward) {
        return;
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
        int n;
        while ((n = channel.read(buffer, position)) > 0) {
          position += n;
          split(buffer.array(), n);
          buffer.clear();
        }
      } catch (NoSuchFileException notYet) {
        // A restore creates it; until then there is nothing to read.
      } catch (IOException e) {
        logger.log(Level.DEBUG, () -> "cannot read " + file + ": " + e);
      }
      if (last && partial.size() > 0) {
        emit(partial.toByteArray(), partial.size());
        partial.reset();
      }
    }

    /** Hands over each complete line of {@code bytes}; keeps the rest for the next read. */
    private void split(byte[] bytes, int length) {
      int start = 0;
      for (int i = 0; i < length; i++) {
        if (bytes[i] == '\n') {
          lineOf(bytes, start, i);
          start = i + 1;
        } else if (partial.size() + (i + 1 - start) >= MAX_LINE_BYTES) {
          lineOf(bytes, start, i + 1);
          start = i + 1;
        }
      }
      partial.write(bytes, start, length - start);
    }

    private void lineOf(byte[] bytes, int from, int to) {
      if (partial.size() == 0) {
        emit(java.util.Arrays.copyOfRange(bytes, from, to), to - from);
        return;
      }
      partial.write(bytes, from, to - from);
      emit(partial.toByteArray(), partial.size());
      partial.reset();
    }

    private void emit(byte[] line, int length) {
      int end = length;
      if (end > 0 && line[end - 1] == '\r') {
        end--;
      }
      // UTF-8 never has a newline byte inside a character, so lines split cleanly; a piece of an
      // over-long line may end inside one, which decodes to a replacement character.
      String text = new String(line, 0, end, StandardCharsets.UTF_8);
      Matcher record = WORKER_RECORD.matcher(text);
      String message;
      if (record.matches()) {
        lastLevel = levelOf(record.group(1));
        message = record.group(2);
      } else {
        if (!continuesARecord(text)) {
          lastLevel = Level.INFO;
        }
        message = text;
      }
      if (logger.isLoggable(lastLevel)) {
        logger.log(lastLevel, "[" + containerId + "] " + message);
      }
    }

    /** A stack trace's line below a record the worker logged (or its exception's first line). */
    private boolean continuesARecord(String text) {
      return lastLevel != Level.INFO && (text.startsWith("\t") || text.startsWith(" ")
          || text.startsWith("Caused by: ") || EXCEPTION_LINE.matcher(text).lookingAt());
    }
  }
}
