package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.ContainerStartException;
import dev.lifecycle.runtime.ContainerStoppingException;
import dev.lifecycle.runtime.spi.HookDescriptor;
import dev.lifecycle.runtime.spi.ServiceDescriptor;
import dev.lifecycle.runtime.spi.WebMethodDescriptor;
import java.time.Duration;

/**
 * The failures of a container's start and stop, each worded once: what failed, in which service,
 * and how to fix it. In-JVM containers and the pool's supervisor both throw these, so that a
 * caller reads the same message wherever the service runs.
 */
public final class ContainerFailures {

  private ContainerFailures() {}

  public static ContainerStartException hookFailed(
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

  public static ContainerStartException constructorFailed(ServiceDescriptor service, Throwable cause) {
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
  /** A parameter the dispatcher refused to set, though the builder had checked it: no hook ran. */
  public static ContainerStartException parameterRefused(
      ServiceDescriptor service, String name, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: its parameter '" + name
            + "' could not be set (" + describe(cause) + "). No hook ran.",
        cause);
  }

  public static ContainerStartException serverPortTaken(
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
  public static ContainerStartException serverNotReady(ServiceDescriptor service, int port, Duration timeout) {
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

  public static ContainerStartException webServerPortTaken(ServiceDescriptor service, WebMethodDescriptor web) {
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

  public static ContainerStartException webServerFailed(
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
  public static ContainerStartException webServerNotReady(ServiceDescriptor service, WebMethodDescriptor web) {
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

  public static ContainerStartException interruptedWhileWaiting(ServiceDescriptor service, int port) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: the starting thread was "
            + "interrupted while it waited for port " + port + " to accept connections. The exit "
            + "hooks ran.",
        null);
  }

  public static ContainerStartException webFrontendFailed(
      ServiceDescriptor service, String problem, Throwable cause) {
    return new ContainerStartException(
        service.serviceName(),
        null,
        "Service " + service.serviceName() + " failed to start: " + problem + " The exit hooks ran.",
        cause);
  }

  public static ContainerStoppingException refused(String serviceName, String containerId, String method) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " is stopping: call of '"
            + method + "' refused. A container takes no new calls once close() was called or the "
            + "JVM began to shut down; start a new container to call the service again.");
  }

  public static ContainerStoppingException stoppedWhileStarting(String serviceName, String containerId) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " was asked to stop while "
            + "its enter hooks ran (the JVM began to shut down); it ran its exit hooks instead of "
            + "serving calls.");
  }

  public static ContainerStoppingException overran(
      String serviceName, String containerId, String method, Duration grace) {
    return new ContainerStoppingException(
        serviceName,
        "Container " + containerId + " of service " + serviceName + " stopped while call of '"
            + method + "' was still running after the exit grace period of " + Durations.format(grace)
            + "; the call was interrupted and the exit hooks ran. Raise "
            + "@Service(exitGracePeriodSeconds) or the container's exitGracePeriod if calls need "
            + "longer to finish.");
  }

  /** {@code "java.io.IOException: disk full"}: how messages quote what user code threw. */
  public static String describe(Throwable t) {
    // toString(), not the class name: an exception rebuilt from another JVM names the original.
    return t.toString();
  }
}
