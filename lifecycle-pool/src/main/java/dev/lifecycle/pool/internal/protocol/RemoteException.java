package dev.lifecycle.pool.internal.protocol;

/**
 * An exception thrown in another JVM: {@link #getMessage()} reads like the original's {@code
 * toString()}, {@link #remoteType()} names its class, and the stack trace is the original's.
 */
public final class RemoteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String remoteType;

  RemoteException(RemoteError error) {
    super(
        error.message() == null ? error.type() : error.type() + ": " + error.message(),
        error.cause() == null ? null : error.cause().toException());
    this.remoteType = error.type();
    setStackTrace(frames(error));
  }

  /** Reads as the original did: {@code java.lang.IllegalStateException: boom}. */
  @Override
  public String toString() {
    return getMessage();
  }

  /** The class name of the original exception, e.g. {@code java.lang.IllegalStateException}. */
  public String remoteType() {
    return remoteType;
  }

  /** The error's stack trace as frames of this JVM. */
  static StackTraceElement[] frames(RemoteError error) {
    return error.stackTrace().stream().map(RemoteException::parseFrame).toArray(StackTraceElement[]::new);
  }

  /** {@code com.x.Model.load(Model.java:12)} back into a frame; unknown shapes keep the text. */
  private static StackTraceElement parseFrame(String frame) {
    int open = frame.lastIndexOf('(');
    int dot = open < 0 ? -1 : frame.lastIndexOf('.', open);
    if (open < 0 || dot < 0 || !frame.endsWith(")")) {
      return new StackTraceElement("remote", frame, null, -1);
    }
    String location = frame.substring(open + 1, frame.length() - 1);
    String qualifiedMethod = frame.substring(0, open);
    // Module prefixes ("java.base/") belong to the class part.
    String className = qualifiedMethod.substring(0, dot);
    int slash = className.lastIndexOf('/');
    if (slash >= 0) {
      className = className.substring(slash + 1);
    }
    String method = qualifiedMethod.substring(dot + 1);
    int colon = location.lastIndexOf(':');
    if (colon > 0) {
      try {
        return new StackTraceElement(
            className, method, location.substring(0, colon),
            Integer.parseInt(location.substring(colon + 1)));
      } catch (NumberFormatException notALine) {
        return new StackTraceElement(className, method, location, -1);
      }
    }
    return new StackTraceElement(className, method, location, -1);
  }
}
