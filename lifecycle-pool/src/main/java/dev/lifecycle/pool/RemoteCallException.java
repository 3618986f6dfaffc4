package dev.lifecycle.pool;

import dev.lifecycle.runtime.ContainerException;

/**
 * A worker failed in a way the in-JVM runtime has no exception type for: the worker's runtime
 * itself failed while handling a call (its cause carries the worker's exception type, message and
 * stack trace), or the supervisor could not rebuild the runtime's own exception type.
 */
public final class RemoteCallException extends ContainerException {

  private static final long serialVersionUID = 1L;

  public RemoteCallException(String serviceName, String message, Throwable cause) {
    super(serviceName, message, cause);
  }
}
