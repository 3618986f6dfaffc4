package dev.lifecycle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the tool as a user does: a JVM of its own, its exit code and output read back. */
final class Cli {

  /** How a run ended. */
  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }

    /** The line of the doctor's report for {@code check}. */
    String line(String check) {
      return out.lines().filter(l -> l.matches("^(OK|WARN|FAIL|SKIP)\\s+" + java.util.regex.Pattern.quote(check) + "\\s.*"))
          .findFirst().orElseGet(() -> fail("no line for " + check + " in\n" + this));
    }
  }

  private Cli() {}

  /** Runs {@code lifecycle args...} with this environment changed ({@code null} values unset it). */
  static Run run(Path dir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
    return run(dir, List.of(), environment, args);
  }

  /** Runs {@code lifecycle args...} under {@code prefix} (a program that execs the rest, such as setpriv). */
  static Run run(Path dir, List<String> prefix, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Lifecycle.class.getName()));
    command.addAll(List.of(args));
    Files.createDirectories(dir);
    Path out = Files.createTempFile(dir, "cli-", ".out");
    Path err = Files.createTempFile(dir, "cli-", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    environment.forEach((name, value) -> {
      if (value == null) {
        builder.environment().remove(name);
      } else {
        builder.environment().put(name, value);
      }
    });
    Process process = builder.start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        fail("lifecycle " + String.join(" ", args) + " did not finish within 5 minutes");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly(); // a hung or interrupted run is not left behind
    }
  }

  static Run run(Path dir, String... args) throws IOException, InterruptedException {
    return run(dir, Map.of(), args);
  }
}
