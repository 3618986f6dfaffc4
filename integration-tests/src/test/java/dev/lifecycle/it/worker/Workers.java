package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.fail;

import dev.lifecycle.pool.ContainerInfo;
import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import dev.lifecycle.pool.criu.CriuEngine;
import dev.lifecycle.pool.engine.EngineCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Shared set-up of the worker tests: pools of test services, criu, and the stray-process check. */
final class Workers {

  /**
   * On the command line of every worker JVM (and supervisor child JVM) these tests start, and
   * unique to this test run: what the stray-process check looks for in {@code /proc/<pid>/cmdline}.
   */
  static final String MARKER = "-Dlifecycle.it.worker="
      + System.getProperty("lifecycle.it.worker", UUID.randomUUID().toString());

  static final Duration GENEROUS = Duration.ofSeconds(60);

  private Workers() {}

  /**
   * The options of worker JVMs: quick to start on a small machine, marked, and pointed at
   * {@code dir} for {@link WorkerFiles}.
   */
  static List<String> jvmOptions(Path dir) {
    return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx128m",
        MARKER, "-D" + WorkerFiles.DIRECTORY + "=" + dir);
  }

  /** A pool builder of {@code service} on the test class path, logs and files in {@code dir}. */
  static ContainerPoolBuilder pool(Class<?> service, Path dir) throws IOException {
    Files.createDirectories(dir);
    return ContainerPool.builder(service)
        .jvmOptions(jvmOptions(dir))
        .workDirectory(dir)
        .snapshotStore(dir.resolve("snapshots"));
  }

  /**
   * Where criu's log of {@code clone}'s restore is, next to the container's log, when the pool's
   * engine keeps restore logs ({@link CriuEngine#keepingRestoreLogs()}).
   */
  static Path restoreLog(ContainerInfo clone) {
    return clone.logFile().resolveSibling(clone.containerId() + ".restore").resolve("restore.log");
  }

  /** What a child process wrote to {@code file}, or why it cannot be read: for assertion messages. */
  static String outputIn(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  /** This machine's criu binary; fails (never skips) without a working one: CI installs it. */
  static Path requireCriu() {
    CriuEngine criu = CriuEngine.fromEnvironment();
    if (criu.check() instanceof EngineCheck.Unavailable unavailable) {
      return fail("This test needs a working CRIU (4.1 or newer, tests run as root;"
          + " `lifecycle install-criu` installs it, `lifecycle doctor` checks it), but: " + unavailable.reason());
    }
    return criu.executable().orElseThrow();
  }

  /**
   * A criu of this machine's that fails one command as criu does: exit status 1, and {@code
   * logLine} in the log it was given with {@code -o}. Everything else goes to the real criu,
   * whose {@code --version} it passes on without the line of its restore server: a criu that
   * serves restores forks itself for each, past this script.
   *
   * @param command {@code dump} or {@code restore}
   */
  static Path criuFailing(String command, String logLine, Path dir) throws IOException {
    Path wrapper = dir.resolve("criu-that-cannot-" + command);
    Files.writeString(wrapper, String.join("\n",
        "#!/bin/sh",
        "if [ \"$1\" = " + command + " ]; then",
        "  prev=''; log=''",
        "  for arg in \"$@\"; do [ \"$prev\" = -o ] && log=$arg; prev=$arg; done",
        "  echo '" + logLine + "' > \"$log\"",
        "  exit 1",
        "fi",
        "if [ \"$1\" = --version ]; then",
        "  '" + requireCriu() + "' --version | grep -v '^Lifecycle: restore-server$'",
        "  exit 0",
        "fi",
        "exec '" + requireCriu() + "' \"$@\"",
        ""));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    return wrapper;
  }

  /** The pids of processes whose command line holds {@link #MARKER}. */
  static List<Long> markedProcesses() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        try {
          String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
          String stat = Files.readString(dir.resolve("stat"));
          boolean zombie = stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
          if (!zombie && cmdline.contains(MARKER)) {
            pids.add(Long.parseLong(dir.getFileName().toString()));
          }
        } catch (IOException | RuntimeException gone) {
          // exited meanwhile
        }
      }
    } catch (IOException e) {
      throw new AssertionError("cannot list /proc", e);
    }
    return pids;
  }

  /** Whether {@code pid} runs {@code java} (a worker launched for a checkpoint runs under unshare). */
  static boolean isJvm(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> c.endsWith("/java")).orElse(false);
  }

  /** Fails when a JVM of these tests still runs after a while: no orphan may survive a pool. */
  static void assertNoStrayWorkers() {
    awaitTrue(() -> markedProcesses().isEmpty(),
        () -> "worker JVMs still running: " + describe(markedProcesses()));
  }

  /** Kills every JVM of these tests, for clean-up after a failed test. */
  static void killStrayWorkers() {
    for (long pid : markedProcesses()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  static String describe(List<Long> pids) {
    StringBuilder sb = new StringBuilder();
    for (long pid : pids) {
      sb.append("\n  ").append(pid).append(' ')
          .append(ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?"));
    }
    return sb.toString();
  }

  static void awaitTrue(BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + GENEROUS + ": " + description.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + description.get(), e);
      }
    }
  }

  /** Sends {@code signal} (e.g. {@code "TERM"}) to {@code pid}. */
  static void signal(long pid, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + signal + " " + pid + " failed");
    }
  }
}
