package dev.lifecycle.pool.internal.worker;

import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.RemoteError.Kind;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.DispatchException;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;

/**
 * Turns what {@code Container.call} threw into the error a supervisor rethrows as the same
 * exception type: the kind says which runtime exception it was, and for a method's own failure
 * the error is the user's exception itself (type, message, stack, causes).
 */
final class WorkerFailures {

  private WorkerFailures() {}

  static RemoteError ofCall(Throwable failure) {
    if (failure instanceof MethodFailedException e && e.getCause() != null) {
      return RemoteError.of(Kind.USER, e.getCause());
    }
    if (failure instanceof InputTimeoutException) {
      return RemoteError.of(Kind.TIMEOUT, failure);
    }
    if (failure instanceof ContainerStoppingException) {
      return RemoteError.of(Kind.STOPPING, failure);
    }
    if (failure instanceof DispatchException) {
      return RemoteError.of(Kind.DISPATCH, failure);
    }
    return RemoteError.of(Kind.INTERNAL, failure);
  }
}
