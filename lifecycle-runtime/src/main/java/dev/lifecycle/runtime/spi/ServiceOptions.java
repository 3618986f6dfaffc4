package dev.lifecycle.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The runtime options a service declares in its {@code @Service} annotation; runtimes start from
 * these and let callers override them.
 *
 * @param maxConcurrentInputs calls one container serves at once, at least 1
 * @param inputTimeout how long one call may run, positive
 * @param exitGracePeriod how long calls in flight may finish once the container stops, not
 *     negative
 */
public record ServiceOptions(
    int maxConcurrentInputs, Duration inputTimeout, Duration exitGracePeriod) {

  /** The defaults of {@code @Service}. */
  public static final ServiceOptions DEFAULTS =
      new ServiceOptions(1, Duration.ofSeconds(300), Duration.ofSeconds(30));

  public ServiceOptions {
    Objects.requireNonNull(inputTimeout, "inputTimeout");
    Objects.requireNonNull(exitGracePeriod, "exitGracePeriod");
    if (maxConcurrentInputs < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentInputs must be at least 1, was " + maxConcurrentInputs);
    }
    if (inputTimeout.isNegative() || inputTimeout.isZero()) {
      throw new IllegalArgumentException("inputTimeout must be positive, was " + inputTimeout);
    }
    if (exitGracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "exitGracePeriod must not be negative, was " + exitGracePeriod);
    }
  }
}
