package dev.lifecycle.pool.criu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** Test shorthands over {@link RestoredProcesses}, failing when a process does not stop. */
final class Pids {

  private Pids() {}

  static void awaitExit(long pid, long timeoutMillis) throws InterruptedException {
    assertTrue(RestoredProcesses.awaitStop(pid, Duration.ofMillis(timeoutMillis)),
        "process " + pid + " still running after " + timeoutMillis + " ms");
  }

  static void kill(long pid) throws InterruptedException {
    assertTrue(RestoredProcesses.kill(pid, Duration.ofSeconds(10)), "process " + pid + " survived SIGKILL");
  }
}
