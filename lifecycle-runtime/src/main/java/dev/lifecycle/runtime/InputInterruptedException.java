package dev.lifecycle.runtime;

/**
 * The caller's thread was interrupted while it waited for an input slot or for its call's
 * result. The call was interrupted too (or never started); the caller's interrupt flag is set
 * again, as the JDK's blocking methods do.
 */
public final class InputInterruptedException extends ContainerException {

  private static final long serialVersionUID = 1L;

  public InputInterruptedException(String serviceName, String methodName, InterruptedException cause) {
    super(
        serviceName,
        "The thread calling @Method " + methodName + " of service " + serviceName
            + " was interrupted while it waited; the call was abandoned.",
        cause);
  }
}
