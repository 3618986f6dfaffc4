package dev.lifecycle.pool.internal.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception as it crosses the process boundary: its type, message and stack trace as text,
 * and its cause. Rebuilt on the other side as a {@link RemoteException}, never by instantiating
 * the named class.
 *
 * @param kind what failed, so that the caller can rethrow the runtime's own exception type:
 *     {@code USER} (the method or hook threw), {@code TIMEOUT}, {@code STOPPING}, {@code
 *     DISPATCH} (unknown method, wrong arguments), {@code INTERNAL}
 * @param type the exception's class name
 * @param message its message, may be null
 * @param stackTrace its stack frames, {@code StackTraceElement.toString()} each
 * @param cause its cause, may be null
 * @param supertypes the names of its class's superclasses, nearest first, up to {@code
 *     Throwable}: so that the receiver can tell a subclass of a type it knows, without loading a
 *     class by a name it was sent
 */
public record RemoteError(
    Kind kind, String type, String message, List<String> stackTrace, RemoteError cause,
    List<String> supertypes) {

  /** What failed, so that the receiving side can rethrow the runtime's own exception type. */
  public enum Kind {
    /** The user's code threw: a {@code @Method}, or a hook or constructor during start. */
    USER,
    /** The call overran the container's input timeout. */
    TIMEOUT,
    /** The container is stopping or stopped and refused or cut short the call. */
    STOPPING,
    /** The call named no {@code @Method}, or its arguments do not fit. */
    DISPATCH,
    /** The runtime itself failed; a bug, or a broken environment. */
    INTERNAL
  }

  /** How deep a cause chain is carried; deeper causes are cut, cycles cannot recur. */
  private static final int MAX_CAUSES = 8;

  public RemoteError {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(type, "type");
    stackTrace = List.copyOf(stackTrace);
    supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
  }

  /** An error of a type whose superclasses are not told. */
  public RemoteError(Kind kind, String type, String message, List<String> stackTrace, RemoteError cause) {
    this(kind, type, message, stackTrace, cause, List.of());
  }

  /** {@code throwable} with its stack trace and causes (at most {@value #MAX_CAUSES} deep). */
  public static RemoteError of(Kind kind, Throwable throwable) {
    return of(kind, throwable, 0);
  }

  private static RemoteError of(Kind kind, Throwable throwable, int depth) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : throwable.getStackTrace()) {
      frames.add(frame.toString());
    }
    Throwable cause = throwable.getCause();
    List<String> supertypes = new ArrayList<>();
    for (Class<?> c = throwable.getClass().getSuperclass(); c != null && c != Object.class;
        c = c.getSuperclass()) {
      supertypes.add(c.getName());
    }
    return new RemoteError(
        kind,
        throwable.getClass().getName(),
        throwable.getMessage(),
        frames,
        cause == null || cause == throwable || depth >= MAX_CAUSES
            ? null
            : of(kind, cause, depth + 1),
        supertypes);
  }

  /** The error as an exception of this JVM, with the remote stack trace and causes. */
  public RemoteException toException() {
    return new RemoteException(this);
  }
}
