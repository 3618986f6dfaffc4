package dev.lifecycle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tmpfs of the tests' own, to have a read-only file system (needs root, as the tests run). */
final class Mounts {

  private Mounts() {}

  /** Runs {@code mount args...}; fails the test when it fails or hangs. */
  static void mount(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mount"));
    command.addAll(List.of(args));
    Result result = run(dir, command);
    if (result.exitCode() != 0) {
      fail("this test mounts a tmpfs to have a read-only file system, which needs root: "
          + String.join(" ", command) + " failed: " + result.output());
    }
  }

  /** Mounts an empty tmpfs of {@code size} (such as {@code 4m}) on {@code mountPoint}. */
  static void tmpfs(Path mountPoint, String size) throws IOException, InterruptedException {
    mount(mountPoint.getParent(), "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", mountPoint.toString());
  }

  /** Makes the mount at {@code mountPoint} read-only. */
  static void readOnly(Path mountPoint) throws IOException, InterruptedException {
    mount(mountPoint.getParent(), "-o", "remount,ro", mountPoint.toString());
  }

  /** Unmounts {@code mountPoint}, as clean-up: a failure is only reported. */
  static void umount(Path mountPoint) throws IOException, InterruptedException {
    Result result = run(mountPoint.getParent(), List.of("umount", mountPoint.toString()));
    if (result.exitCode() != 0) {
      System.err.println("umount " + mountPoint + " failed: " + result.output());
    }
  }

  private record Result(int exitCode, String output) {}

  /** Runs {@code command}, its output to a file beside {@code dir}: a hung one is killed, never waited for. */
  private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "mount-", ".out");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        return new Result(-1, String.join(" ", command) + " did not finish within 30 s");
      }
      return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
