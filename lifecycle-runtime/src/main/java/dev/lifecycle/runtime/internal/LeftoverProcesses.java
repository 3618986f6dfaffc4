package dev.lifecycle.runtime.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stops the processes a {@code @Server} container started and left running: the server its
 * {@code @Enter} hook launched, when the {@code @Exit} hook did not stop it or took longer than
 * the exit grace period.
 *
 * <p>The container's processes are the JVM's descendants that appeared during its enter phase:
 * from just before its constructor ({@link #rememberExisting}) to the end of its enter hooks and
 * readiness check ({@link #claimStarted}). Processes started afterwards, by anyone (the worker
 * JVMs of a {@code ContainerPool} built later, another container, the application), are never
 * touched. When the exit hooks are done, or the grace period ran out while they still run, those
 * of the container's processes still alive are terminated, with the processes they started in
 * turn: {@code destroy()} (SIGTERM), a few seconds to exit, then {@code destroyForcibly()}
 * (SIGKILL).
 *
 * <p>In one JVM that is best effort: a process another thread starts during the enter phase is
 * counted as the container's, and a server's grandchild whose parent died was handed to another
 * parent and is out of reach. A worker JVM runs one container, and the supervisor kills the
 * worker whole when it must.
 */
final class LeftoverProcesses {

  private static final System.Logger LOG = System.getLogger(LeftoverProcesses.class.getName());

  /** Nothing to stop: for services, whose processes are their own business. */
  static final LeftoverProcesses NONE = new LeftoverProcesses(null, new ContainerName("none"));

  /** How long terminated processes get to exit before they are killed. */
  static final Duration TERMINATE_WAIT = Duration.ofSeconds(3);

  private final Set<Long> before;
  private final ContainerName containerId;
  /** Guarded by {@code this}: the container's processes; {@code null} until claimed. */
  private List<ProcessHandle> started;

  private LeftoverProcesses(Set<Long> before, ContainerName containerId) {
    this.before = before;
    this.containerId = containerId;
  }

  /** Remembers the processes that exist now, which are never stopped. */
  static LeftoverProcesses rememberExisting(ContainerName containerId) {
    return new LeftoverProcesses(
        ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()),
        containerId);
  }

  /**
   * Ends the enter phase: the descendants that appeared since {@link #rememberExisting} are the
   * container's, and no process started from now on is. Only the first call counts.
   */
  synchronized void claimStarted() {
    if (before == null || started != null) {
      return;
    }
    started = ProcessHandle.current().descendants()
        .filter(process -> !before.contains(process.pid()))
        .toList();
  }

  /**
   * Starts the exit grace period: if it ends before {@link Deadline#end()}, the leftovers are
   * terminated then, while the exit hooks still run; {@code end()} terminates what is left.
   */
  Deadline deadline(Duration grace) {
    if (before == null) {
      return () -> {};
    }
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(grace.toMillis());
      } catch (InterruptedException exitHooksDone) {
        return;
      }
      LOG.log(Level.WARNING, "Container " + containerId + ": the exit hooks still run after the "
          + "exit grace period of " + Durations.format(grace) + "; stopping the processes the "
          + "container started");
      terminate();
    }, "lifecycle-" + containerId + "-exit-grace");
    watchdog.setDaemon(true);
    watchdog.start();
    return () -> {
      watchdog.interrupt();
      terminate();
    };
  }

  /** The exit grace period of one stop. */
  interface Deadline {
    /** The exit hooks are done: terminates what they left running. Does not throw. */
    void end();
  }

  /**
   * Terminates the container's processes still alive, and their descendants. Claims them first
   * if {@link #claimStarted} was not called (an enter phase that failed ends here).
   */
  synchronized void terminate() {
    if (before == null) {
      return;
    }
    claimStarted();
    // Collected first: once a process dies, its own children are no longer its descendants.
    List<ProcessHandle> alive = started.stream()
        .filter(ProcessHandle::isAlive)
        .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
        .filter(ProcessHandle::isAlive)
        .distinct()
        .toList();
    if (alive.isEmpty()) {
      return;
    }
    LOG.log(Level.INFO, () -> "Container " + containerId + ": stopping " + alive.size()
        + " process(es) it started and left running: "
        + alive.stream().map(LeftoverProcesses::describe).collect(Collectors.joining(", ")));
    alive.forEach(ProcessHandle::destroy);
    CompletableFuture<?> exited = CompletableFuture.allOf(
        alive.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
    boolean interrupted = false;
    try {
      exited.get(TERMINATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Some ignored SIGTERM: below.
    } catch (InterruptedException e) {
      interrupted = true;
    }
    for (ProcessHandle process : alive) {
      if (process.isAlive()) {
        LOG.log(Level.WARNING, "Container " + containerId + ": process " + describe(process)
            + " did not exit within " + Durations.format(TERMINATE_WAIT) + " of SIGTERM; killing it");
        process.destroyForcibly();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(ProcessHandle process) {
    return process.pid() + process.info().command().map(command -> " (" + command + ")").orElse("");
  }
}
