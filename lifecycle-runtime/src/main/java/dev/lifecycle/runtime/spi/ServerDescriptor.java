package dev.lifecycle.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code @Server} declares: the port the class's enter hooks open, and how long the container
 * waits for it.
 *
 * @param port the TCP port the server listens on, 1 to 65535
 * @param startupTimeout how long the container waits, after the enter hooks, for the port to accept
 *     connections; positive
 */
public record ServerDescriptor(int port, Duration startupTimeout) {

  public ServerDescriptor {
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be from 1 to 65535, was " + port);
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
    }
  }
}
