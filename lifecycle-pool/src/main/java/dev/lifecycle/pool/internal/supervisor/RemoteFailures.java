package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.RemoteCallException;
import dev.lifecycle.pool.RemoteDispatchException;
import dev.lifecycle.pool.WorkerLaunchException;
import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.TravellingExceptions;
import dev.lifecycle.pool.internal.protocol.WireMessage.HookRef;
import dev.lifecycle.pool.internal.protocol.WireMessage.StartFailed;
import dev.lifecycle.runtime.ArgumentMismatchException;
import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import dev.lifecycle.runtime.UnknownMethodException;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.HookPhase;
import dev.lifecycle.runtime.spi.MethodDescriptor;
import java.time.Duration;
import java.util.List;

/**
 * Turns a worker's reported failure into the exception the in-JVM runtime throws for the same
 * failure: a call's {@link RemoteError} by its kind, a start failure into {@code
 * ContainerStartException}. The user's own exception travels as the cause: as itself when the
 * method declares its type or it is one of the JDK's common unchecked ones ({@link
 * TravellingExceptions}), else a {@link dev.lifecycle.pool.internal.protocol.RemoteException}
 * with its type, message and stack trace.
 */
final class RemoteFailures {

  private RemoteFailures() {}

  static RuntimeException ofCall(LocalService service, String containerId, String method,
      RemoteError error, Duration inputTimeout) {
    String name = service.serviceName();
    return switch (error.kind()) {
      case USER -> new MethodFailedException(name, method,
          TravellingExceptions.rebuild(error, declaredExceptions(service, method)));
      case TIMEOUT -> new InputTimeoutException(name, method, inputTimeout);
      case STOPPING -> new ContainerStoppingException(name, error.message());
      case DISPATCH -> dispatch(service, method, error);
      case INTERNAL -> new RemoteCallException(name, "Container " + containerId + " of service " + name
          + " failed to handle the call of '" + method + "': " + describe(error)
          + ". This is the worker runtime's failure, not the method's; see the cause and the"
          + " container's log.", error.toException());
    };
  }

  static RuntimeException ofStart(LocalService service, String containerId, StartFailed failed) {
    RemoteError error = failed.error();
    if (error.kind() == RemoteError.Kind.USER) {
      HookRef ref = failed.failedHook();
      HookDescriptor hook = ref == null ? null : new HookDescriptor(
          ref.index(), HookPhase.valueOf(ref.phase()), ref.declaringClass(), ref.methodName());
      return new ContainerStartException(service.serviceName(), hook,
          error.message() + " (in container " + containerId + ")",
          error.cause() == null ? null : error.cause().toException());
    }
    return new WorkerLaunchException(service.serviceName(), "Container " + containerId + " of service "
        + service.serviceName() + " could not start: " + describe(error), error.toException());
  }

  private static RuntimeException dispatch(LocalService service, String method, RemoteError error) {
    if (error.type().equals(ArgumentMismatchException.class.getName())) {
      return new ArgumentMismatchException(error.message());
    }
    if (error.type().equals(UnknownMethodException.class.getName()) && service.descriptor().isPresent()) {
      return new UnknownMethodException(service.descriptor().get(), method);
    }
    return new RemoteDispatchException(error.type(), error.message());
  }

  /** What the method's {@code throws} clause names, as compiled into its descriptor here. */
  private static List<Class<? extends Throwable>> declaredExceptions(LocalService service,
      String method) {
    return service.descriptor().flatMap(d -> d.method(method))
        .map(MethodDescriptor::declaredExceptions).orElse(List.of());
  }

  static String describe(RemoteError error) {
    return error.message() == null ? error.type() : error.type() + ": " + error.message();
  }
}
