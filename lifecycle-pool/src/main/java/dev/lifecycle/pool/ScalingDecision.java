package dev.lifecycle.pool;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision of a pool to start or stop a container, as {@link ContainerPool#state()} lists
 * them and the pool logs them.
 *
 * @param at when the decision took effect (a start: when the container served; a stop: when it
 *     was taken out of service)
 * @param action what the pool did
 * @param reason why
 * @param containerId the container started or stopped; empty for a start that failed before the
 *     container had one
 * @param containers how many containers the pool held afterwards, starting ones included
 * @param detail the decision in words, as logged
 */
public record ScalingDecision(
    Instant at, Action action, Reason reason, String containerId, int containers, String detail) {

  /** What a pool did. */
  public enum Action {
    /** Started a container, which now serves. */
    STARTED,
    /** Tried to start one, and failed; the detail says why. */
    START_FAILED,
    /** Stopped a container (its exit hooks run). */
    STOPPED
  }

  /** Why a pool started or stopped a container. */
  public enum Reason {
    /** A caller found every container busy and the pool below its maximum. */
    CALLER,
    /** The pool held fewer than {@link ContainerPoolBuilder#minContainers}. */
    MINIMUM,
    /** Fewer than {@link ContainerPoolBuilder#bufferContainers} were idle above those serving. */
    BUFFER,
    /** It was idle for longer than {@link ContainerPoolBuilder#scaledownWindow}, above the minimum and the buffer. */
    IDLE
  }

  public ScalingDecision {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(detail, "detail");
  }
}
