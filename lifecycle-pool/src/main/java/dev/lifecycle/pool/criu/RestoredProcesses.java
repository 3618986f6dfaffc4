package dev.lifecycle.pool.criu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Watching and stopping restored processes, which are not children of this JVM.
 *
 * <p>{@code criu restore -d} exits once the clone runs, so the clone is re-parented to the nearest
 * sub-reaper or to pid 1, and only that process can reap it. Until then a dead clone is a zombie,
 * and {@link ProcessHandle#isAlive()} still says {@code true} for a zombie; on this machine pid 1
 * reaps about 1.7 s after the death. {@link ProcessHandle#onExit()} polls non-children slowly too.
 * These methods count a zombie as stopped: it holds no memory, files or sockets any more.
 */
final class RestoredProcesses {

  private RestoredProcesses() {}

  /** Whether {@code pid} exists and is not a zombie. */
  public static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false; // gone
    }
  }

  /**
   * Waits until {@code pid} has stopped running, polling every 10 ms.
   *
   * @return whether it stopped within {@code timeout}
   */
  public static boolean awaitStop(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(pid)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * Sends SIGKILL to {@code pid} (for a clone that is the first process of its pid namespace, the
   * whole namespace dies with it) and waits until it has stopped.
   *
   * @return whether it stopped within {@code timeout}
   */
  public static boolean kill(long pid, Duration timeout) throws InterruptedException {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    return awaitStop(pid, timeout);
  }
}
