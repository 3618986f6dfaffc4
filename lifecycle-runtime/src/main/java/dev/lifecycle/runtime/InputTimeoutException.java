package dev.lifecycle.runtime;

import dev.lifecycle.runtime.internal.Durations;
import java.time.Duration;

/**
 * A call (of a {@code @Method}, or a web request) ran longer than the container's input timeout.
 * The call's thread was interrupted; a method that ignores interrupts keeps running, and keeps its input slot, until it returns.
 */
public final class InputTimeoutException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final String methodName;
  private final Duration timeout;

  /** A {@code @Method} call that overran {@code timeout}. */
  public InputTimeoutException(String serviceName, String methodName, Duration timeout) {
    this(serviceName, methodName, "@Method " + methodName, timeout);
  }

  /** @param input how the message names the input, e.g. {@code @WebEndpoint POST /predict} */
  public InputTimeoutException(String serviceName, String methodName, String input, Duration timeout) {
    super(
        serviceName,
        "Call of " + input + " of service " + serviceName + " ran longer than its "
            + "input timeout of " + Durations.format(timeout) + " and was interrupted. Raise "
            + "@Service(inputTimeoutSeconds) or the container's inputTimeout, or make the call "
            + "faster.",
        null);
    this.methodName = methodName;
    this.timeout = timeout;
  }

  /** The method's name, as callers use it. */
  public String methodName() {
    return methodName;
  }

  /** The timeout the call overran. */
  public Duration timeout() {
    return timeout;
  }
}
