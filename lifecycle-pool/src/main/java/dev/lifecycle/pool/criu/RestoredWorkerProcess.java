package dev.lifecycle.pool.criu;

import dev.lifecycle.pool.engine.ExitStatus;
import dev.lifecycle.pool.engine.WorkerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A clone criu restored: the first process of a pid namespace of its own, and not a child of this
 * supervisor (criu exits right after the restore), so it is watched through {@code /proc}.
 *
 * <p>Its pid is remembered with its start time, so that a pid reused by an unrelated process after
 * the clone was reaped is never taken for the clone, let alone killed. Its exit status is read
 * from {@code /proc/<pid>/stat} while it is a zombie, before init reaps it.
 */
final class RestoredWorkerProcess implements WorkerProcess {

  /** Fields of {@code /proc/<pid>/stat}, counted after the command name: state is field 3. */
  private static final int STATE = 0;
  private static final int START_TIME = 19;
  private static final int EXIT_CODE = 49;

  private final long pid;
  private final String startTime;
  private volatile String lastStatus;

  private RestoredWorkerProcess(long pid, String startTime) {
    this.pid = pid;
    this.startTime = startTime;
  }

  /** The clone criu reported; its start time is read now, while it surely runs. */
  static RestoredWorkerProcess of(long pid) {
    String[] stat = stat(pid);
    return new RestoredWorkerProcess(pid, stat == null ? "" : stat[START_TIME]);
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public boolean isRunning() {
    String[] stat = mine();
    if (stat == null) {
      return false;
    }
    if (stat[STATE].equals("Z") || stat[STATE].equals("X")) {
      remember(stat);
      return false;
    }
    return true;
  }

  @Override
  public Optional<String> exitStatus(Duration wait) {
    if (!awaitExit(wait)) {
      return Optional.empty();
    }
    String[] stat = mine();
    if (stat != null) {
      remember(stat);
    }
    return Optional.of(lastStatus != null ? lastStatus
        : "ended (its exit status is unknown: it is not a child of the supervisor, and init reaped"
            + " it first)");
  }

  @Override
  public boolean awaitExit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isRunning();
      }
    }
    return true;
  }

  @Override
  public void kill() {
    if (mine() != null) {
      try {
        RestoredProcesses.kill(pid, Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String describe() {
    return "pid " + pid + ", restored by criu in a pid namespace of its own";
  }

  private void remember(String[] stat) {
    if (stat.length > EXIT_CODE && lastStatus == null) {
      try {
        lastStatus = ExitStatus.ofWaitStatus(Integer.parseInt(stat[EXIT_CODE]));
      } catch (NumberFormatException e) {
        // leave it unknown
      }
    }
  }

  /** This clone's stat fields, or null when the pid is gone or belongs to another process now. */
  private String[] mine() {
    String[] stat = stat(pid);
    return stat != null && stat[START_TIME].equals(startTime) ? stat : null;
  }

  private static String[] stat(long pid) {
    try {
      String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      // pid (comm) state ...: the command name may hold spaces and parentheses.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).strip().split(" ");
      return fields.length > START_TIME ? fields : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
