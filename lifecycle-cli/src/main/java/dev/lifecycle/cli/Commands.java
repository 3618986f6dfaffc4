package dev.lifecycle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short external command (criu, unshare) with a deadline, its output captured. */
final class Commands {

  /** How a command ended: its exit code (-1 when it did not finish in time) and its output. */
  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }

    /** The last {@code n} non-blank lines of the output, joined with " / ". */
    String lastLines(int n) {
      List<String> lines = output.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (lines.isEmpty()) {
        return "(no output)";
      }
      return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }

  private Commands() {}

  /**
   * Runs {@code command} with no input, its standard output and error together into a temporary
   * file; kills it (and what it started) after {@code timeout}.
   *
   * @throws IOException when it cannot be started (say, the program does not exist)
   */
  static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Path output = Files.createTempFile("lifecycle-doctor-", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        return new Result(-1, "did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
