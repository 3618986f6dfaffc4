package dev.lifecycle.pool;

import dev.lifecycle.runtime.ContainerException;

/**
 * A worker JVM ended while a call was in flight, or while its container started: it crashed, ran
 * out of memory, called {@code System.exit}, or was killed. The call fails at once; the pool
 * replaces the container.
 *
 * <p>The message names the container, its pid, how it ended (exit status or signal) and its log
 * file, whose last lines say what happened.
 */
public final class WorkerDiedException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final String containerId;
  private final String exitStatus;

  public WorkerDiedException(String serviceName, String containerId, String exitStatus, String message) {
    super(serviceName, message, null);
    this.containerId = containerId;
    this.exitStatus = exitStatus;
  }

  /** The container whose worker died, e.g. {@code Model-2}. */
  public String containerId() {
    return containerId;
  }

  /** How it ended, e.g. {@code "was killed by signal 9, SIGKILL"}. */
  public String exitStatus() {
    return exitStatus;
  }
}
