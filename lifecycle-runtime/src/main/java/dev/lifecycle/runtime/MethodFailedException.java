package dev.lifecycle.runtime;

/**
 * A {@code @Method} threw. The cause is exactly what it threw; the container keeps serving
 * other calls.
 */
public final class MethodFailedException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final String methodName;

  MethodFailedException(String serviceName, String methodName, Throwable cause) {
    super(
        serviceName,
        "@Method " + methodName + " of service " + serviceName + " threw " + describe(cause)
            + ". The container keeps serving; see the cause for where it was thrown.",
        cause);
    this.methodName = methodName;
  }

  /**
   * The same exception for a service that runs in another process (a worker JVM of a {@code
   * ContainerPool}), so that callers catch the same types wherever the service runs.
   */
  public static MethodFailedException remote(String serviceName, String methodName, Throwable cause) {
    return new MethodFailedException(serviceName, methodName, cause);
  }

  /** The method's name, as callers use it. */
  public String methodName() {
    return methodName;
  }
}
