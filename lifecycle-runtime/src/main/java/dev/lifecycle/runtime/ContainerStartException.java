package dev.lifecycle.runtime;

import dev.lifecycle.runtime.spi.HookDescriptor;
import java.util.Optional;

/**
 * A container did not start: its constructor or an enter hook threw, a {@code @Server} or {@code
 * @WebServer} port did not become ready (or was taken by another process), a {@code @WebServer}
 * method threw, or the web frontend could not start.
 *
 * <p>The cause, when there is one, is exactly what user code (or the socket) threw. The enter
 * hooks after a failing one did not run; the exit hooks did (unless the constructor failed, when
 * there is no instance). When exit hooks failed too, their {@link ExitHooksFailedException} is
 * attached as a suppressed exception.
 */
public final class ContainerStartException extends ContainerException {

  private static final long serialVersionUID = 1L;

  private final transient HookDescriptor failedHook;

  /**
   * @param failedHook the enter hook that threw, or {@code null} when something else failed
   * @param message what failed and how to fix it, naming the service
   */
  public ContainerStartException(
      String serviceName, HookDescriptor failedHook, String message, Throwable cause) {
    super(serviceName, message, cause);
    this.failedHook = failedHook;
  }

  /**
   * The enter hook that threw; empty when something else failed: the constructor, a port's
   * readiness, a {@code @WebServer} method or the web frontend.
   */
  public Optional<HookDescriptor> failedHook() {
    return Optional.ofNullable(failedHook);
  }
}
