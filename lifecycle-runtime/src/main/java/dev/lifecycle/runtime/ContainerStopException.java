package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/**
 * One or more exit hooks threw while a container stopped. Every exit hook still ran.
 *
 * <p>The cause is what the first failing hook threw; each later failure is attached as a
 * suppressed {@link HookFailedException} that names its hook and keeps its cause.
 */
public final class ContainerStopException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor failedHook;

  private ContainerStopException(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    super(serviceName, message, cause);
    this.failedHook = failedHook;
  }

  /** Turns the SPI's report (first failure, later ones suppressed) into this exception. */
  static ContainerStopException of(ServiceDescriptor service, HookFailedException first) {
    Throwable[] later = first.getSuppressed();
    HookDescriptor hook = first.hook();
    ContainerStopException e =
        new ContainerStopException(
            service.serviceName(),
            hook,
            "Service " + service.serviceName() + " did not stop cleanly: @Exit hook "
                + hook.displayName() + " threw " + describe(first.getCause())
                + (later.length == 0
                    ? ""
                    : " and " + later.length + " more exit hook" + (later.length == 1 ? "" : "s")
                        + " failed (suppressed)")
                + ". Every exit hook ran. Fix the hook, or catch what it throws if the resource "
                + "may already be gone.",
            first.getCause());
    for (Throwable failure : later) {
      e.addSuppressed(failure);
    }
    return e;
  }

  /** The first exit hook that threw. */
  public HookDescriptor failedHook() {
    return failedHook;
  }
}
