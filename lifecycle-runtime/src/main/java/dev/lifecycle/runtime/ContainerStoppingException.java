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

  /** @param message why the call was refused or cut short, naming the container and service */
  public ContainerStoppingException(String serviceName, String message) {
    super(serviceName, message, null);
  }
}
