package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.spi.HookDescriptor;
import java.time.Duration;

/**
 * Creates the in-JVM runtime's own exceptions for failures that happened in a worker, so that a
 * caller of a pool catches exactly the types a caller of an in-JVM {@code Container} catches.
 */
public final class RuntimeExceptions {

  private RuntimeExceptions() {}

  /** A {@code MethodFailedException}: the method threw {@code cause}. */
  static RuntimeException methodFailed(String service, String method, Throwable cause) {
    return MethodFailedException.remote(service, method, cause);
  }

  /** An {@code InputTimeoutException}: the call overran {@code timeout}. */
  static RuntimeException inputTimeout(String service, String method, Duration timeout) {
    return InputTimeoutException.remote(service, method, timeout);
  }

  /** A {@code ContainerStoppingException} with the worker's message. */
  public static RuntimeException stopping(String service, String message) {
    return ContainerStoppingException.remote(service, message);
  }

  /** A {@code ContainerStartException} with the worker's message; {@code hook} null: constructor. */
  static RuntimeException startFailed(String service, HookDescriptor hook, String message, Throwable cause) {
    return ContainerStartException.remote(service, hook, message, cause);
  }

  /** An {@code InputInterruptedException}: the caller was interrupted while it waited. */
  public static RuntimeException interrupted(String service, String method, InterruptedException cause) {
    return InputInterruptedException.remote(service, method, cause);
  }
}
