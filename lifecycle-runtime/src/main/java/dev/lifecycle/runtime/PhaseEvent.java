package dev.lifecycle.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A container entered a phase.
 *
 * @param containerId the container, e.g. {@code MLModel#1}
 * @param serviceName the service's class name
 * @param previous the phase it left; {@code null} for the first event, {@link Phase#CREATED}
 * @param phase the phase it entered
 * @param at wall-clock time of the change, for humans
 * @param nanoTime {@link System#nanoTime()} at the change, for durations (wall clocks jump)
 * @param detail what a reader of a timeline wants to know about this change (why the container
 *     stops, what the snapshot step did); empty when there is nothing to add
 * @param failure what made the container enter {@link Phase#FAILED} or {@link Phase#EXITING}
 *     early; {@code null} otherwise
 */
public record PhaseEvent(
    String containerId,
    String serviceName,
    Phase previous,
    Phase phase,
    Instant at,
    long nanoTime,
    String detail,
    Throwable failure) {

  public PhaseEvent {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@link #failure()}, when there is one. */
  public Optional<Throwable> failureIfAny() {
    return Optional.ofNullable(failure);
  }
}
