package dev.lifecycle.it.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
 * A child JVM running a main class of the test classpath, for tests that need real signals and a
 * real JVM shutdown. Its stdout and stderr are collected line by line; {@link #close()} kills it
 * whatever happened.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "child-jvm-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildJvm start(Class<?> mainClass, Map<String, String> properties, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    // A JVM keeps SIGINT ignored when its parent ignored it (a build started in the background
    // does); reset it so that the SIGINT tests test the runtime, not how CI was launched.
    command.addAll(List.of("env", "--default-signal=INT,TERM"));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // The child is gone; what it printed is in output.
    }
  }

  /** Waits until the child prints {@code expected} on a line of its own. */
  public void awaitLine(String expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("child did not print " + expected + " within " + timeout
            + " (alive: " + process.isAlive() + "); output:\n" + output());
      }
      if (line.equals(expected)) {
        return;
      }
    }
  }

  /** Sends a signal by name, e.g. {@code "INT"}, the way an operator's {@code kill} does. */
  public void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /**
   * SIGTERM. Not {@link Process#destroy()}, which sends the same signal but also closes the
   * pipes to the child, so the test would no longer see what it prints while shutting down.
   */
  public void terminate() throws IOException, InterruptedException {
    signal("TERM");
  }

  public void writeLine(String line) throws IOException {
    Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** Waits for the child to exit and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child did not exit within " + timeout + "; output:\n" + output());
    }
    return process.exitValue();
  }

  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
