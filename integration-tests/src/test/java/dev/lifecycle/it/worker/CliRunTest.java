package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle run} as a pod or a systemd unit runs it: a process of its own, with real CRIU.
 * The first run has no image for its key, so it starts cold and checkpoints into the store; the
 * second restores from it. Each says it is ready (the ready file, a line) once the enter hooks ran,
 * serves the service's web endpoints, and on SIGTERM runs the exit hooks and exits with 0.
 */
@ExtendWith(NoStrayWorkers.class)
class CliRunTest {

  @TempDir Path dir;

  /** A {@code lifecycle run} process and where it says it is ready. */
  private record Run(Process process, Path readyFile, Path output) {
    String awaitReady() throws IOException {
      Workers.awaitTrue(() -> Files.exists(readyFile) || !process.isAlive(), () -> "not ready: " + log());
      assertThat(process.isAlive()).as(log()).isTrue();
      return Files.readString(readyFile);
    }

    String log() {
      return Workers.outputIn(output);
    }

    int stop() throws IOException, InterruptedException {
      if (process.isAlive()) {
        Workers.signal(process.pid(), "TERM");
      }
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("exited after SIGTERM: " + log()).isTrue();
      return process.exitValue();
    }
  }

  private Run start(Path store, String name) throws IOException {
    return start(WebGreeterService.class, name, "--store", store.toString(), "--exit-grace", "5s");
  }

  /** {@code lifecycle run service} with these options besides the class path, ready file and logs. */
  private Run start(Class<?> service, String name, String... options) throws IOException {
    String classpath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Workers.MARKER,
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.lifecycle.cli.Lifecycle",
        "run", service.getName(), "--classpath", classpath,
        "--ready-file", dir.resolve(name + ".ready").toString(),
        "--work-dir", dir.resolve(name + "-logs").toString()));
    command.addAll(List.of(options));
    for (String option : Workers.jvmOptions(dir)) {
      command.add("--jvm-option=" + option);
    }
    Path output = dir.resolve(name + ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new Run(process, dir.resolve(name + ".ready"), output);
  }

  @Test
  void theFirstRunCheckpointsIntoTheStoreTheSecondRestoresAndSigtermRunsTheExitHooks() throws Exception {
    Workers.requireCriu();
    Path store = dir.resolve("snapshots");

    Run first = start(store, "first");
    String firstReady;
    try {
      firstReady = first.awaitReady();
      assertThat(firstReady).startsWith("ready WebGreeterService-1 CHECKPOINTED");
      assertThat(greet(firstReady)).contains("\"restored\":false");
      assertThat(first.log()).contains("lifecycle run: ready: container WebGreeterService-1 started CHECKPOINTED");
    } finally {
      assertThat(first.stop()).as(first.log()).isZero();
    }
    assertThat(first.log()).contains("lifecycle run: SIGTERM: stopping").endsWith("lifecycle run: stopped\n");
    assertThat(first.readyFile()).doesNotExist();
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(1);

    Run second = start(store, "second");
    try {
      String secondReady = second.awaitReady();
      assertThat(secondReady).startsWith("ready WebGreeterService-1 RESTORED");
      assertThat(greet(secondReady)).contains("\"restored\":true");
      assertThat(second.log()).contains("started RESTORED").contains("snapshot AVAILABLE");
    } finally {
      assertThat(second.stop()).as(second.log()).isZero();
    }
    assertThat(WorkerFiles.lines(dir, "snaps")).hasSize(1); // the restore did not run the snap hook again
    assertThat(WorkerFiles.lines(dir, "enters")).hasSize(2);
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(2);
  }

  /**
   * The container's worker JVM killed: the process must not go on saying "ready" while its pool
   * retries, but remove the ready file and exit with 1, so that the pod or unit restarts it.
   */
  @Test
  void aLostContainerEndsTheRunWithStatus1AndRemovesTheReadyFile() throws Exception {
    Run run = start(WebGreeterService.class, "lost", "--no-snapshots", "--exit-grace", "2s");
    try {
      String ready = run.awaitReady();
      assertThat(ready).startsWith("ready WebGreeterService-1 COLD pid ");
      long pid = Long.parseLong(ready.lines().findFirst().orElseThrow().replaceAll(".* pid ", ""));
      assertThat(greet(ready)).contains("Hello, Ada!");

      Workers.signal(pid, "KILL");

      assertThat(run.process().waitFor(2, TimeUnit.MINUTES)).as("exited after its worker died: " + run.log()).isTrue();
      assertThat(run.process().exitValue()).as(run.log()).isEqualTo(1);
      assertThat(run.readyFile()).doesNotExist();
      assertThat(run.log()).contains("lifecycle run: container WebGreeterService-1 (pid " + pid
          + ") ended unexpectedly (").contains("exiting with status 1 so that the pod or unit restarts");
    } finally {
      run.process().destroyForcibly();
    }
  }

  /**
   * SIGTERM while the snap hook runs (minutes, for a model): the start is abandoned, not run to
   * its end and checkpointed; the process exits with 0, never having said "ready".
   */
  @Test
  void sigtermWhileStartingEndsTheStart() throws Exception {
    Workers.requireCriu();
    Path store = dir.resolve("snapshots");
    Run run = start(SlowSnapService.class, "slow", "--store", store.toString(), "--exit-grace", "2s",
        "--jvm-option=-D" + SlowSnapService.MILLIS + "=120000");
    try {
      Workers.awaitTrue(() -> WorkerFiles.lines(dir, "snaps").contains("start") || !run.process().isAlive(),
          () -> "the snap hook to start: " + run.log());

      Workers.signal(run.process().pid(), "TERM");

      // The container is asked to stop, and killed after its exit grace period (2 s) and 10 s for
      // exit hooks, since it is still in its snap hook: far sooner than the hook's 120 s.
      assertThat(run.process().waitFor(90, TimeUnit.SECONDS)).as("exited after SIGTERM: " + run.log()).isTrue();
      assertThat(run.process().exitValue()).as(run.log()).isZero();
      assertThat(run.log()).contains("lifecycle run: SIGTERM while starting: stopped " + SlowSnapService.class.getName()
          + " during its start").doesNotContain("lifecycle run: ready");
      assertThat(run.readyFile()).doesNotExist();
      assertThat(WorkerFiles.lines(dir, "snaps")).doesNotContain("end");
      try (var entries = Files.list(store)) { // nothing was checkpointed
        assertThat(entries.filter(Files::isDirectory)).isEmpty();
      }
    } finally {
      run.process().destroyForcibly();
    }
  }

  /** A second SIGTERM while starting ends the process at once (143), the starting worker with it. */
  @Test
  void aSecondSigtermWhileStartingEndsTheProcessAtOnce() throws Exception {
    Workers.requireCriu();
    Run run = start(SlowSnapService.class, "twice", "--store", dir.resolve("snapshots").toString(),
        "--exit-grace", "60s", "--jvm-option=-D" + SlowSnapService.MILLIS + "=120000");
    try {
      Workers.awaitTrue(() -> WorkerFiles.lines(dir, "snaps").contains("start") || !run.process().isAlive(),
          () -> "the snap hook to start: " + run.log());

      Workers.signal(run.process().pid(), "TERM");
      Thread.sleep(500);
      Workers.signal(run.process().pid(), "TERM");

      // Without the second, the first would wait for the exit grace period (60 s) and 10 s.
      assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).as("exited after two SIGTERMs: " + run.log()).isTrue();
      assertThat(run.process().exitValue()).as(run.log()).isEqualTo(143);
      assertThat(run.log()).contains("lifecycle run: SIGTERM again while starting: ending at once");
      assertThat(run.readyFile()).doesNotExist();
      assertThat(WorkerFiles.lines(dir, "snaps")).doesNotContain("end");
    } finally {
      run.process().destroyForcibly();
    }
  }

  @Test
  void aServiceClassNotOnTheClassPathIsAUsageError() throws Exception {
    Path output = dir.resolve("missing.out");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Workers.MARKER, "-cp", System.getProperty("java.class.path"), "dev.lifecycle.cli.Lifecycle", "run",
        "com.example.Missing", "--classpath", dir.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(Workers.outputIn(output)).isTrue();
      assertThat(process.exitValue()).as(Workers.outputIn(output)).isEqualTo(2);
      assertThat(Workers.outputIn(output))
          .contains("lifecycle run: the service class com.example.Missing is not on --classpath [" + dir + "]");
    } finally {
      process.destroyForcibly(); // a hung child is not left running
    }
  }

  @Test
  void parametersOfTheServiceAreGivenOnTheCommandLineAndCheckedBeforeAnyWorker() throws Exception {
    Path ready = dir.resolve("params.ready");
    Process good = runParameterized(ready, "--parameter", "size=LARGE", "--parameter=threads=8");
    try {
      Workers.awaitTrue(() -> Files.exists(ready) || !good.isAlive(), () -> "not ready");
      assertThat(good.isAlive()).isTrue();
      assertThat(Files.readString(ready)).startsWith("ready ParameterizedService-1 COLD");
    } finally {
      Workers.signal(good.pid(), "TERM");
      if (!good.waitFor(2, TimeUnit.MINUTES)) {
        good.destroyForcibly();
        throw new AssertionError("lifecycle run did not exit within 2 minutes of SIGTERM");
      }
    }
    assertThat(good.exitValue()).isZero();

    Path badReady = dir.resolve("bad.ready");
    Process bad = runParameterized(badReady, "--parameter", "size=HUGE");
    try {
      assertThat(bad.waitFor(1, TimeUnit.MINUTES)).isTrue();
      String output = Files.readString(outputOf(badReady));
      assertThat(bad.exitValue()).as(output).isEqualTo(1);
      assertThat(output).contains("size").contains("HUGE").contains("SMALL, LARGE")
          .doesNotContain("ready ParameterizedService");
    } finally {
      bad.destroyForcibly();
    }
  }

  private Process runParameterized(Path ready, String... parameters) throws IOException {
    String classpath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Workers.MARKER,
        "-cp", classpath, "dev.lifecycle.cli.Lifecycle", "run",
        dev.lifecycle.it.services.ParameterizedService.class.getName(), "--classpath", classpath,
        "--no-snapshots", "--ready-file", ready.toString()));
    command.addAll(List.of(parameters));
    for (String option : Workers.jvmOptions(dir)) {
      command.add("--jvm-option=" + option);
    }
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(outputOf(ready).toFile()).start();
  }

  private static Path outputOf(Path readyFile) {
    return readyFile.resolveSibling(readyFile.getFileName() + ".out");
  }

  private static String greet(String ready) throws IOException, InterruptedException {
    URI address = URI.create(ready.lines().toList().get(1));
    HttpResponse<String> response = Http.postJson(address.resolve("/greet"), "{\"name\": \"Ada\", \"times\": 1}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("Hello, Ada!");
    return response.body();
  }
}
