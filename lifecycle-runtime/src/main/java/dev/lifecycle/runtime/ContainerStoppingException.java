package dev.lifecycle.runtime;

/**
 * A call was refused or cut short because its container is stopping or has stopped.
 *
 * <p>Calls are refused from the moment a stop begins ({@link Container#close()}, or the JVM
 * shutting down), including calls still waiting for an input slot; a call already running when
 * the exit grace period ends fails with this exception too, and is interrupted.
 */
public final class ContainerStoppingException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private ContainerStoppingException(String serviceName, String message) {
    super(serviceName, message, null);
  }

  /**
   * The same exception for a service that runs in another process (a worker JVM of a {@code
   * ContainerPool}), so that callers catch the same types wherever the service runs.
   */
  public static ContainerStoppingException remote(String serviceName, String message) {
    return new ContainerStoppingException(serviceName, message);
  }

  static ContainerStoppingException refused(String serviceName, String containerId, String method) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " is stopping: call of '"
            + method + "' refused. A container takes no new calls once close() was called or the "
            + "JVM began to shut down; start a new container to call the service again.");
  }

  static ContainerStoppingException stoppedWhileStarting(String serviceName, String containerId) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " was asked to stop while "
            + "its enter hooks ran (the JVM began to shut down); it ran its exit hooks instead of "
            + "serving calls.");
  }

  static ContainerStoppingException overran(
      String serviceName, String containerId, String method, java.time.Duration grace) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " stopped while call of '"
            + method + "' was still running after the exit grace period of " + Durations.format(grace)
            + "; the call was interrupted and the exit hooks ran. Raise "
            + "@Service(exitGracePeriodSeconds) or the container's exitGracePeriod if calls need "
            + "longer to finish.");
  }
}
