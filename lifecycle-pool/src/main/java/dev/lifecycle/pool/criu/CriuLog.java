package dev.lifecycle.pool.criu;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Picks the lines of a criu log that explain a failure.
 *
 * <p>At {@code -v4} a log has thousands of lines; the cause is in the lines criu tags {@code
 * Error} or {@code Warn}, near the end (criu stops at the first real error and then logs the
 * clean-up). So: the last {@value #MAX_LINES} such lines, minus the ones criu prints on every
 * successful run too; when there are none, the last lines of the log.
 */
final class CriuLog {

  static final int MAX_LINES = 20;
  private static final int TAIL_LINES = 10;

  /**
   * Printed as "Error" on every run on this kind of machine, successful or not: criu cannot raise
   * its own file limit inside a container. Quoting it would point users at the wrong thing.
   */
  private static final List<String> HARMLESS = List.of("Can't setup RLIMIT_NOFILE for self");

  private CriuLog() {}

  /** The explaining lines of {@code log}, or an empty list when the log cannot be read. */
  static List<String> relevantLines(Path log) {
    Deque<String> flagged = new ArrayDeque<>();
    Deque<String> tail = new ArrayDeque<>();
    // criu logs paths and command lines as raw bytes; a bad byte must not hide the error lines.
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(log), decoder))) {
      String line;
      while ((line = reader.readLine()) != null) {
        keepLast(tail, line, TAIL_LINES);
        if (isFlagged(line)) {
          keepLast(flagged, line.strip(), MAX_LINES);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return List.copyOf(flagged.isEmpty() ? tail : flagged);
  }

  /**
   * The explaining lines as an indented block for an exception message, followed by where the full
   * log is; falls back to what criu printed on its own output when the log is missing or empty.
   */
  static String quote(Path log, String criuOutput) {
    List<String> lines = log == null ? List.of() : relevantLines(log);
    StringBuilder sb = new StringBuilder();
    if (lines.isEmpty()) {
      String output = criuOutput == null ? "" : criuOutput.strip();
      if (output.isEmpty()) {
        sb.append("\n  (criu wrote no log lines and no output)");
      } else {
        output.lines().skip(Math.max(0, output.lines().count() - MAX_LINES))
            .forEach(l -> sb.append("\n  ").append(l));
      }
    } else {
      lines.forEach(l -> sb.append("\n  ").append(l));
    }
    if (log != null && Files.exists(log)) {
      sb.append("\nFull criu log: ").append(log);
    }
    return sb.toString();
  }

  static boolean isFlagged(String line) {
    return (line.contains("Error") || line.contains("Warn")) && !isHarmless(line);
  }

  /** Whether {@code line} is one criu prints on successful runs too. */
  static boolean isHarmless(String line) {
    return HARMLESS.stream().anyMatch(line::contains);
  }

  private static void keepLast(Deque<String> deque, String line, int max) {
    if (deque.size() == max) {
      deque.removeFirst();
    }
    deque.addLast(line);
  }
}
