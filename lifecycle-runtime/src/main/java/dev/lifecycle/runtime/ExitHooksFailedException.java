package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/**
 * One or more exit hooks threw while a container stopped. Every exit hook still ran.
 *
 * <p>The cause is what the first failing hook threw; each later failure is attached as a
 * suppressed {@link HookFailedException} that names its hook and keeps its cause.
 */
public final class ExitHooksFailedException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor failedHook;

  /**
   * The exit hooks' failure as the runtime reports it: the first hook's failure, with the later
   * ones suppressed in it.
   */
  public ExitHooksFailedException(ServiceDescriptor service, HookFailedException first) {
    super(service.serviceName(), message(service, first), first.getCause());
    this.failedHook = first.hook();
    for (Throwable failure : first.getSuppressed()) {
      addSuppressed(failure);
    }
  }

  private static String message(ServiceDescriptor service, HookFailedException first) {
    Throwable[] later = first.getSuppressed();
    HookDescriptor hook = first.hook();
    return "Service " + service.serviceName() + " did not stop cleanly: @Exit hook "
        + hook.displayName() + " threw " + describe(first.getCause())
        + (later.length == 0
            ? ""
            : " and " + later.length + " more exit hook" + (later.length == 1 ? "" : "s")
                + " failed (suppressed)")
        + ". Every exit hook ran. Fix the hook, or catch what it throws if the resource may "
        + "already be gone.";
  }

  /** The first exit hook that threw. */
  public HookDescriptor failedHook() {
    return failedHook;
  }
}
