package dev.lifecycle.runtime.internal;

/**
 * Runs one web request as one input of its container, under the same rules as a {@code @Method}
 * call: at most {@code maxConcurrentInputs} at once in arrival order, each within the input
 * timeout, none once the container stops. The container's input executor implements it.
 */
@FunctionalInterface
public interface InputRunner {

  /** The work of one input: calling a web method, or an {@code HttpHandler}. */
  @FunctionalInterface
  interface Work {
    Object run() throws Throwable;
  }

  /**
   * Runs {@code work} on an input thread once a slot is free and returns its result.
   *
   * @param methodName the Java method the input calls, for reports of calls cut short
   * @param description how messages and logs name the input, e.g. {@code @WebEndpoint POST /echo}
   * @throws dev.lifecycle.runtime.ContainerStoppingException the container is stopping: the input
   *     was refused, or cut short at the end of the exit grace period
   * @throws dev.lifecycle.runtime.InputTimeoutException the input overran the input timeout
   * @throws dev.lifecycle.runtime.MethodFailedException the work threw; its exception is the cause
   * @throws dev.lifecycle.runtime.InputInterruptedException the calling thread was interrupted
   */
  Object run(String methodName, String description, Work work);
}
