package dev.lifecycle.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Stops the processes a {@code @Server} container started and left running: the server its
 * {@code @Enter} hook launched, when the {@code @Exit} hook did not stop it or took longer than
 * the exit grace period.
 *
 * <p>It remembers the JVM's descendant processes when the container begins and, when the exit
 * hooks are done (or the grace period ran out while they still run), terminates the descendants
 * that were not there before: {@code destroy()} (SIGTERM), a few seconds to exit, then {@code
 * destroyForcibly()} (SIGKILL). In this JVM that is best effort: another container, or any other
 * code, that starts a process meanwhile has it counted as this container's. A worker JVM runs one
 * container, and the supervisor kills the worker whole when it must.
 */
final class LeftoverProcesses {

  private static final System.Logger LOG = System.getLogger(LeftoverProcesses.class.getName());

  /** Nothing to stop: for services, whose processes are their own business. */
  static final LeftoverProcesses NONE = new LeftoverProcesses(null, "");

  /** How long terminated processes get to exit before they are killed. */
  static final Duration TERMINATE_WAIT = Duration.ofSeconds(3);

  private final Set<Long> before;
  private final String containerId;

  private LeftoverProcesses(Set<Long> before, String containerId) {
    this.before = before;
    this.containerId = containerId;
  }

  /** Remembers the processes that exist now, which are never stopped. */
  static LeftoverProcesses rememberExisting(String containerId) {
    return new LeftoverProcesses(
        ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()),
        containerId);
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

  /** Terminates every descendant started since {@link #rememberExisting}, grandchildren too. */
  synchronized void terminate() {
    // Collected first: once a child dies, its own children are no longer our descendants.
    List<ProcessHandle> started = ProcessHandle.current().descendants()
        .filter(process -> !before.contains(process.pid()) && process.isAlive())
        .toList();
    if (started.isEmpty()) {
      return;
    }
    LOG.log(Level.INFO, () -> "Container " + containerId + ": stopping " + started.size()
        + " process(es) it started and left running: "
        + started.stream().map(LeftoverProcesses::describe).collect(Collectors.joining(", ")));
    started.forEach(ProcessHandle::destroy);
    CompletableFuture<?> exited = CompletableFuture.allOf(
        started.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
    boolean interrupted = false;
    try {
      exited.get(TERMINATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Some ignored SIGTERM: below.
    } catch (InterruptedException e) {
      interrupted = true;
    }
    for (ProcessHandle process : started) {
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
