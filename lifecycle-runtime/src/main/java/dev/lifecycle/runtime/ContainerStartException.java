package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import java.util.Optional;

/**
 * A container did not start: its constructor or an enter hook threw.
 *
 * <p>The cause is exactly what user code threw. The enter hooks after the failing one did not
 * run; the exit hooks did (unless the constructor failed, when there is no instance). When exit
 * hooks failed too, their {@link ContainerStopException} is attached as a suppressed exception.
 */
public final class ContainerStartException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor failedHook;

  private ContainerStartException(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    super(serviceName, message, cause);
    this.failedHook = failedHook;
  }

  /**
   * The same exception for a service that runs in another process (a worker JVM of a {@code
   * ContainerPool}), so that callers catch the same types wherever the service runs.
   */
  public static ContainerStartException remote(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    return new ContainerStartException(serviceName, failedHook, message, cause);
  }

  static ContainerStartException hookFailed(
      ServiceDescriptor service, HookDescriptor hook, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        hook,
        "Service " + service.serviceName() + " failed to start: " + hook.phase().annotation()
            + " hook " + hook.displayName() + " threw " + describe(cause) + ". The enter hooks "
            + "after it were skipped and the exit hooks ran. Fix the hook, or catch the "
            + "exception inside it if the service can work without what it sets up.",
        cause);
  }

  static ContainerStartException constructorFailed(ServiceDescriptor service, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: its no-argument constructor threw "
            + describe(cause) + ". No hook ran. Move work that can fail into an @Enter hook, "
            + "where a failure also runs the exit hooks.",
        cause);
  }

  /** The enter hook that threw; empty when the constructor threw. */
  public Optional<HookDescriptor> failedHook() {
    return Optional.ofNullable(failedHook);
  }
}
