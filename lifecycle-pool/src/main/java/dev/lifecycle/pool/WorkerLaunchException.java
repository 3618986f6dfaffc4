package dev.lifecycle.pool;

import dev.lifecycle.runtime.ContainerException;

/**
 * A worker JVM could not be started, or did not get its container running, for a reason outside
 * the service's own code: {@code java} could not be launched, the service class is not on the
 * worker's class path, the worker died or did not report in time. (A constructor or enter hook
 * that throws is a {@link dev.lifecycle.runtime.ContainerStartException}, as in the in-JVM
 * runtime.)
 */
public final class WorkerLaunchException extends ContainerException {

  private static final long serialVersionUID = 1L;

  public WorkerLaunchException(String serviceName, String message, Throwable cause) {
    super(serviceName, message, cause);
  }
}
