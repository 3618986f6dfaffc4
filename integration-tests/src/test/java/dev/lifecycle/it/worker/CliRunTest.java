package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
      try {
        return Files.readString(output, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no output: " + e + ")";
      }
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
    String classpath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), Workers.MARKER,
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.lifecycle.cli.Lifecycle",
        "run", WebGreeterService.class.getName(), "--classpath", classpath,
        "--store", store.toString(), "--ready-file", dir.resolve(name + ".ready").toString(),
        "--work-dir", dir.resolve(name + "-logs").toString(), "--exit-grace", "5s"));
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

  @Test
  void aServiceClassNotOnTheClassPathIsAUsageError() throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Workers.MARKER, "-cp", System.getProperty("java.class.path"), "dev.lifecycle.cli.Lifecycle", "run",
        "com.example.Missing", "--classpath", dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("lifecycle run: the service class com.example.Missing is not on --classpath [" + dir + "]");
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
      assertThat(good.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(good.exitValue()).isZero();

    Path badReady = dir.resolve("bad.ready");
    Process bad = runParameterized(badReady, "--parameter", "size=HUGE");
    assertThat(bad.waitFor(1, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(outputOf(badReady));
    assertThat(bad.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("size").contains("HUGE").contains("SMALL, LARGE")
        .doesNotContain("ready ParameterizedService");
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
