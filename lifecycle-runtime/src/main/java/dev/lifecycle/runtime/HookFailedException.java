package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/** A lifecycle hook threw; names the service and the hook, and keeps what it threw as cause. */
public final class HookFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor hook;

  public HookFailedException(ServiceDescriptor service, HookDescriptor hook, Throwable cause) {
    super(
        hook.phase().annotation() + " hook " + hook.displayName() + " of service "
            + service.serviceName() + " failed: " + describe(cause),
        cause);
    this.hook = hook;
  }

  /** The hook that failed. */
  public HookDescriptor hook() {
    return hook;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getName() : cause.getClass().getName() + ": " + message;
  }
}
