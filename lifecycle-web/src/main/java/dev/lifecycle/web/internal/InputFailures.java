package dev.lifecycle.web.internal;

import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.InputInterruptedException;
import dev.lifecycle.runtime.InputTimeoutException;
import dev.lifecycle.runtime.MethodFailedException;
import java.lang.System.Logger.Level;

/** Turns what running a request as an input threw into the status and message a client gets. */
final class InputFailures {

  private static final System.Logger LOG = System.getLogger(JdkWebFrontend.class.getName());

  /** A status and the message of its {@code {"error": ...}} body. */
  record Reply(int status, String message) {}

  private InputFailures() {}

  /**
   * @param input how the message names the request, e.g. {@code @WebEndpoint POST /echo
   *     echo(java.lang.String text)}
   */
  static Reply of(RuntimeException failure, String input, String serviceName, String containerId) {
    if (failure instanceof ContainerStoppingException || failure instanceof InputInterruptedException) {
      return stopping(input, serviceName, containerId);
    }
    if (failure instanceof InputTimeoutException) {
      return new Reply(504, failure.getMessage()); // names the input, the timeout and the fix
    }
    if (failure instanceof MethodFailedException failed && failed.getCause() != null) {
      // The client sees the message only; the stack trace is for whoever runs the service.
      LOG.log(Level.WARNING, "Container " + containerId + ": " + input + " threw", failed.getCause());
      return new Reply(500, input + " of service " + serviceName + " threw "
          + failed.getCause() + ". The container keeps serving; its log has the stack trace.");
    }
    LOG.log(Level.WARNING, "Container " + containerId + ": " + input + " failed", failure);
    return new Reply(500, input + " of service " + serviceName + " failed inside the runtime: "
        + failure + ". The container keeps serving; its log has the stack trace.");
  }

  /** 503: the same answer whether the request was refused at the door or cut short later. */
  static Reply stopping(String input, String serviceName, String containerId) {
    return new Reply(503, "Container " + containerId + " of service " + serviceName
        + " is stopping: " + input + " was refused or cut short. A container takes no new "
        + "requests once it begins to stop (close(), or the JVM shutting down); send the request "
        + "to a new container.");
  }
}
