package dev.lifecycle.runtime;

/** Something went wrong in a container of a service; every subtype names the service. */
public abstract class ContainerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String serviceName;

  protected ContainerException(String serviceName, String message, Throwable cause) {
    super(message, cause);
    this.serviceName = serviceName;
  }

  /** The service's class name. */
  public String serviceName() {
    return serviceName;
  }

  /** {@code "java.io.IOException: disk full"}: how messages quote what user code threw. */
  static String describe(Throwable t) {
    // toString(), not the class name: an exception rebuilt from another JVM names the original.
    return t.toString();
  }
}
