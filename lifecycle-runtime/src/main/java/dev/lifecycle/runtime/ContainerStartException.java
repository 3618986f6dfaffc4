package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.time.Duration;
import java.util.Optional;

/**
 * A container did not start: its constructor or an enter hook threw, a {@code @Server} or {@code
 * @WebServer} port did not become ready (or was taken by another process), a {@code @WebServer}
 * method threw, or the web frontend could not start.
 *
 * <p>The cause, when there is one, is exactly what user code (or the socket) threw. The enter
 * hooks after a failing one did not run; the exit hooks did (unless the constructor failed, when
 * there is no instance). When exit hooks failed too, their {@link ContainerStopException} is
 * attached as a suppressed exception.
 */
public final class ContainerStartException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor failedHook;

  private ContainerStartException(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    super(serviceName, message, cause);
    this.failedHook = failedHook;
  }

  /**
   * The same exception for a service that runs in another process (a worker JVM of a {@code
   * ContainerPool}), so that callers catch the same types wherever the service runs.
   */
  public static ContainerStartException remote(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    return new ContainerStartException(serviceName, failedHook, message, cause);
  }

  static ContainerStartException hookFailed(
      ServiceDescriptor service, HookDescriptor hook, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        hook,
        "Service " + service.serviceName() + " failed to start: " + hook.phase().annotation()
            + " hook " + hook.displayName() + " threw " + describe(cause) + ". The enter hooks "
            + "after it were skipped and the exit hooks ran. Fix the hook, or catch the "
            + "exception inside it if the service can work without what it sets up.",
        cause);
  }

  static ContainerStartException constructorFailed(ServiceDescriptor service, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: its no-argument constructor threw "
            + describe(cause) + ". No hook ran. Move work that can fail into an @Enter hook, "
            + "where a failure also runs the exit hooks.",
        cause);
  }

  /**
   * @param restoredClone whether a clone restored from a snapshot found the port taken before its
   *     post-snapshot enter hooks (its exit hooks ran), rather than a container before its
   *     constructor (no hook ran)
   */
  static ContainerStartException serverPortTaken(
      ServiceDescriptor service, int port, boolean restoredClone) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: port " + port + ", which "
            + "@Server(port = " + port + ") declares, already accepted connections before "
            + (restoredClone
                ? "its post-snapshot @Enter hooks ran (in this clone, restored from a snapshot)"
                : "the @Enter hooks ran")
            + ", so another process (or another container in this JVM) holds it and the "
            + "container could not tell when its own server is ready. In a ContainerPool the "
            + "likely holder is a previous container of the same service that is still "
            + "stopping: a fixed port serves one container at a time. Stop whatever listens on "
            + "port " + port + " (or let the previous container finish stopping), or declare a "
            + "free port in @Server(port)."
            + (restoredClone ? " The exit hooks ran." : " No hook ran."),
        null);
  }

  /**
   * Starts with Modal's words ("Waited too long for port N to start accepting connections"),
   * with the timeout added, so that the message reads the same as the reference's.
   */
  static ContainerStartException serverNotReady(ServiceDescriptor service, int port, Duration timeout) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Waited too long (" + Durations.format(timeout) + ") for port " + port + " to start "
            + "accepting connections: service " + service.serviceName() + " failed to start, as "
            + "nothing accepted a connection on 127.0.0.1:" + port + " within its startup "
            + "timeout after the @Enter hooks. Start the server in an @Enter hook (not one with "
            + "snap = true), listening on port " + port + " as @Server(port) declares (on all "
            + "interfaces or on loopback), or raise @Server(startupTimeoutSeconds) if it needs "
            + "longer to start. The exit hooks ran and the processes the container started were "
            + "stopped.",
        null);
  }

  static ContainerStartException webServerPortTaken(ServiceDescriptor service, WebMethodDescriptor web) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: port " + web.port() + " of "
            + web.displayName() + " already accepted connections before the method was called, "
            + "so another process (or another container in this JVM) holds it and the container "
            + "could not tell when the method's server is ready. Stop whatever listens on port "
            + web.port() + ", or declare a free port in @WebServer(port). The exit hooks ran.",
        null);
  }

  static ContainerStartException webServerFailed(
      ServiceDescriptor service, WebMethodDescriptor web, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: " + web.displayName() + " threw "
            + describe(cause) + ". The exit hooks ran. Fix the method: it should start a server "
            + "listening on port " + web.port() + " and return.",
        cause);
  }

  /** Worded as {@link #serverNotReady}. */
  static ContainerStartException webServerNotReady(ServiceDescriptor service, WebMethodDescriptor web) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Waited too long (" + Durations.format(web.startupTimeout()) + ") for port " + web.port()
            + " to start accepting connections: service " + service.serviceName() + " failed to "
            + "start, as nothing accepted a connection on 127.0.0.1:" + web.port() + " within "
            + "the startup timeout after " + web.displayName() + " returned. Make the method "
            + "start a server listening on port " + web.port() + " as @WebServer(port) declares "
            + "(on all interfaces or on loopback), or raise @WebServer(startupTimeoutSeconds) if "
            + "it needs longer to start. The exit hooks ran.",
        null);
  }

  static ContainerStartException interruptedWhileWaiting(ServiceDescriptor service, int port) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: the starting thread was "
            + "interrupted while it waited for port " + port + " to accept connections. The exit "
            + "hooks ran.",
        null);
  }

  static ContainerStartException webFrontendFailed(
      ServiceDescriptor service, String problem, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: " + problem + " The exit hooks ran.",
        cause);
  }

  /**
   * The enter hook that threw; empty when something else failed: the constructor, a port's
   * readiness, a {@code @WebServer} method or the web frontend.
   */
  public Optional<HookDescriptor> failedHook() {
    return Optional.ofNullable(failedHook);
  }
}
