package dev.lifecycle.pool;

import dev.lifecycle.runtime.DispatchException;

/**
 * A call named no {@code @Method} of the service, as the worker reported it, when the supervisor
 * cannot load the service class to throw {@link dev.lifecycle.runtime.UnknownMethodException}
 * itself. The message is the worker's, listing the service's methods.
 */
public final class RemoteDispatchException extends DispatchException {

  private static final long serialVersionUID = 1L;

  private final String remoteType;

  public RemoteDispatchException(String remoteType, String message) {
    super(message);
    this.remoteType = remoteType;
  }

  /** The exception type the worker threw, e.g. {@code ...spi.UnknownMethodException}. */
  public String remoteType() {
    return remoteType;
  }
}
