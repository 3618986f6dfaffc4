package dev.lifecycle.it.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link PoolMain} in a JVM of its own, marked like the workers, its output collected line by
 * line; {@link #close()} kills it whatever happened.
 */
final class SupervisorJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer output = new StringBuffer();

  private SupervisorJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "supervisor-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  static SupervisorJvm start(Path dir) throws IOException {
    return start(List.of(dir.toString()));
  }

  /**
   * A supervisor whose pool keeps its snapshots in {@code store}, perhaps another's too, and its
   * logs in {@code work}; its workers' files (and so their snapshot key) are {@code dir}'s.
   */
  static SupervisorJvm start(Path dir, Path store, Path work) throws IOException {
    return start(List.of(dir.toString(), store.toString(), work.toString()), Map.of());
  }

  /** {@link #start(Path)} with {@code environment} added to the supervisor's own. */
  static SupervisorJvm start(Path dir, Map<String, String> environment) throws IOException {
    return start(List.of(dir.toString()), environment);
  }

  /** {@link #start(Path, Path, Path)} with {@code environment} added to the supervisor's own. */
  static SupervisorJvm start(Path dir, Path store, Path work, Map<String, String> environment)
      throws IOException {
    return start(List.of(dir.toString(), store.toString(), work.toString()), environment);
  }

  private static SupervisorJvm start(List<String> arguments) throws IOException {
    return start(arguments, Map.of());
  }

  private static SupervisorJvm start(List<String> arguments, Map<String, String> environment)
      throws IOException {
    return start(PoolMain.class, List.of(), arguments, environment);
  }

  /** {@code mainClass} as the supervisor, with {@code jvmOptions} (a small heap, say) too. */
  static SupervisorJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
      Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", Workers.MARKER));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new SupervisorJvm(builder.start());
  }

  /** Everything it printed so far. */
  String output() {
    return output.toString();
  }

  long pid() {
    return process.pid();
  }

  /** The first line starting with {@code prefix}. */
  String awaitLineStartingWith(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the supervisor JVM printed no line starting with " + prefix
            + " within " + timeout + " (alive: " + process.isAlive() + "); output:\n" + output);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  void awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the supervisor JVM did not exit within " + timeout);
    }
  }

  private void read() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.append(line).append('\n');
        lines.add(line);
      }
    } catch (IOException e) {
      // the JVM is gone
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
