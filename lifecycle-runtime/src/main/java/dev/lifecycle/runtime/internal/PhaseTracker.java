package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.ContainerListener;
import dev.lifecycle.runtime.Phase;
import dev.lifecycle.runtime.PhaseEvent;
import java.lang.System.Logger.Level;
import java.time.Instant;

/** Holds a container's phase, checks each move against {@link Phase#canMoveTo}, and announces it. */
final class PhaseTracker {

  private static final System.Logger LOG = System.getLogger(PhaseTracker.class.getName());

  private final ContainerName containerId;
  private final String serviceName;
  private final ContainerListener listener;
  private Phase phase;

  PhaseTracker(ContainerName containerId, String serviceName, ContainerListener listener) {
    this.containerId = containerId;
    this.serviceName = serviceName;
    this.listener = listener;
  }

  /** The current phase; {@code null} before {@link #begin()}. */
  synchronized Phase phase() {
    return phase;
  }

  /** Enters {@link Phase#CREATED}. */
  void begin() {
    announce(null, Phase.CREATED, "", null);
  }

  void moveTo(Phase next, String detail) {
    moveTo(next, detail, null);
  }

  void moveTo(Phase next, String detail, Throwable failure) {
    Phase previous;
    synchronized (this) {
      previous = phase;
      if (previous == null || !previous.canMoveTo(next)) {
        // A bug in the runtime, not in the user's service: say so plainly.
        throw new IllegalStateException(
            "Container " + containerId + " cannot move from " + previous + " to " + next);
      }
    }
    announce(previous, next, detail, failure);
  }

  private void announce(Phase previous, Phase next, String detail, Throwable failure) {
    PhaseEvent event =
        new PhaseEvent(
            containerId.get(), serviceName, previous, next, Instant.now(), System.nanoTime(), detail, failure);
    synchronized (this) {
      if (previous == null && phase != null) {
        throw new IllegalStateException("Container " + containerId + " has already begun");
      }
      phase = next;
    }
    LOG.log(Level.DEBUG, () -> containerId + " " + next + (detail.isEmpty() ? "" : ": " + detail));
    listener.phaseChanged(event);
  }
}
