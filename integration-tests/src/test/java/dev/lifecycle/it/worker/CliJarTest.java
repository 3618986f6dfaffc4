package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as a user of the jars runs it: the runnable jar the build makes, through the {@code
 * lifecycle} script, with nothing of Lifecycle on the service's class path (the workers get
 * lifecycle-pool and what it needs from the jar). Real CRIU.
 */
@ExtendWith(NoStrayWorkers.class)
class CliJarTest {

  @TempDir Path dir;

  private static final Path SCRIPT = Path.of("../lifecycle-cli/bin/lifecycle").toAbsolutePath().normalize();

  /** The jar of lifecycle-cli's package phase, which the reactor ran before these tests. */
  private static Path runnableJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(SCRIPT.getParent().resolveSibling("target"),
        "lifecycle-cli-*-all.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // below
    }
    return fail("no lifecycle-cli/target/lifecycle-cli-*-all.jar: build lifecycle-cli first (mvn package)");
  }

  @Test
  void theRunnableJarRunsAServiceWhoseClassPathHoldsOnlyItsOwnClasses() throws Exception {
    Workers.requireCriu();
    runnableJar();
    Path classes = Path.of(WebGreeterService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path ready = dir.resolve("ready");
    Path output = dir.resolve("run.out");
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "run", WebGreeterService.class.getName(),
        "--classpath", classes.toString(), "--store", dir.resolve("snapshots").toString(),
        "--ready-file", ready.toString(), "--work-dir", dir.resolve("logs").toString()));
    for (String option : Workers.jvmOptions(dir)) {
      command.add("--jvm-option=" + option);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("LIFECYCLE_CLI_JAVA_OPTS", Workers.MARKER);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    try {
      Workers.awaitTrue(() -> Files.exists(ready) || !process.isAlive(), () -> "not ready: " + Workers.outputIn(output));
      assertThat(process.isAlive()).as(Workers.outputIn(output)).isTrue();
      assertThat(Files.readString(ready)).startsWith("ready WebGreeterService-1 CHECKPOINTED");
    } finally {
      if (process.isAlive()) {
        Workers.signal(process.pid(), "TERM");
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("lifecycle run did not exit within 2 minutes of SIGTERM: " + Workers.outputIn(output));
      }
    }
    assertThat(process.exitValue()).as(Workers.outputIn(output)).isZero();
    assertThat(WorkerFiles.lines(dir, "exits")).hasSize(1);
  }

  @Test
  void theScriptRunsTheJarsOtherCommands() throws Exception {
    runnableJar();
    Path output = Files.createDirectories(dir.resolve("out")).resolve("list.out");
    Process process = new ProcessBuilder(SCRIPT.toString(), "snapshots", "list", "--store", dir.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(Workers.outputIn(output)).isTrue();
      assertThat(process.exitValue()).as(Workers.outputIn(output)).isZero();
      assertThat(Workers.outputIn(output)).isEqualTo("0 snapshots, 0 bytes, in " + dir + " (pools' default budget: 10.0 GiB)\n");
    } finally {
      process.destroyForcibly(); // a hung child is not left running
    }
  }
}
