package dev.lifecycle.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a container stopped.
 *
 * @param containerId the container
 * @param trigger what made it stop
 * @param finalPhase {@link Phase#STOPPED} or {@link Phase#FAILED}
 * @param drainTime how long it waited for calls in flight
 * @param overruns calls still running when the exit grace period ended; they were failed and
 *     interrupted, and are listed here (and logged) so that none is dropped silently
 * @param exitFailure the exit hooks' failure, when one threw
 */
public record StopReport(
    String containerId,
    StopTrigger trigger,
    Phase finalPhase,
    Duration drainTime,
    List<InputOverrun> overruns,
    Optional<ExitHooksFailedException> exitFailure) {

  public StopReport {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(finalPhase, "finalPhase");
    Objects.requireNonNull(drainTime, "drainTime");
    overruns = List.copyOf(overruns);
    Objects.requireNonNull(exitFailure, "exitFailure");
  }

  /** Whether every call finished in time and every exit hook returned normally. */
  public boolean isClean() {
    return overruns.isEmpty() && exitFailure.isEmpty();
  }
}
