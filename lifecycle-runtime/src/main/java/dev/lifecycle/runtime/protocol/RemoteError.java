package dev.lifecycle.runtime.protocol;

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
 */
public record RemoteError(
    String kind, String type, String message, List<String> stackTrace, RemoteError cause) {

  /** How deep a cause chain is carried; deeper causes are cut, cycles cannot recur. */
  private static final int MAX_CAUSES = 8;

  public RemoteError {
    stackTrace = List.copyOf(stackTrace);
  }

  public static RemoteError of(String kind, Throwable throwable) {
    return of(kind, throwable, 0);
  }

  private static RemoteError of(String kind, Throwable throwable, int depth) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : throwable.getStackTrace()) {
      frames.add(frame.toString());
    }
    Throwable cause = throwable.getCause();
    return new RemoteError(
        kind,
        throwable.getClass().getName(),
        throwable.getMessage(),
        frames,
        cause == null || cause == throwable || depth >= MAX_CAUSES
            ? null
            : of(kind, cause, depth + 1));
  }

  /** The error as an exception of this JVM, with the remote stack trace and causes. */
  public RemoteException toException() {
    return new RemoteException(this);
  }
}
