package dev.lifecycle.runtime;

/**
 * A {@code @Method} threw. The cause is exactly what it threw; the container keeps serving
 * other calls.
 */
public final class MethodFailedException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final String methodName;

  /** @param cause exactly what the method threw */
  public MethodFailedException(String serviceName, String methodName, Throwable cause) {
    super(
        serviceName,
        "@Method " + methodName + " of service " + serviceName + " threw " + describe(cause)
            + ". The container keeps serving; see the cause for where it was thrown.",
        cause);
    this.methodName = methodName;
  }

  /** The method's name, as callers use it. */
  public String methodName() {
    return methodName;
  }
}
