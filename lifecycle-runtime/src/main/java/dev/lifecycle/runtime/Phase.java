package dev.lifecycle.runtime;

/**
 * Where a container is in its life. Phases only move forward; {@link #canMoveTo} lists every
 * allowed move, and the runtime checks each one against it.
 *
 * <pre>
 * CREATED → ENTERING_BEFORE_SNAPSHOT → SNAPSHOT → ENTERING_AFTER_SNAPSHOT → RUNNING → STOPPING → EXITING → STOPPED or FAILED
 *           (these two only for services with enableMemorySnapshot)
 *
 * an enter hook throws:         ENTERING_… → EXITING → FAILED   (exit hooks run, the start fails)
 * the constructor throws:       CREATED → FAILED                 (no hook ran, so no exit hook runs)
 * a stop arrives while starting: ENTERING_AFTER_SNAPSHOT → STOPPING, once the enter hooks are done
 * </pre>
 */
public enum Phase {
  /** The instance is being created with its no-argument constructor. */
  CREATED,
  /** The {@code @Enter(snap = true)} hooks run. Only for services with a memory snapshot. */
  ENTERING_BEFORE_SNAPSHOT,
  /** The checkpoint engine takes (or declines to take) the memory snapshot. */
  SNAPSHOT,
  /** The {@code @Enter} hooks run: in every container, restored or not. */
  ENTERING_AFTER_SNAPSHOT,
  /** The container serves {@code @Method} calls. */
  RUNNING,
  /** New calls are refused; calls in flight may finish within the exit grace period. */
  STOPPING,
  /** The {@code @Exit} hooks run, all of them, once. */
  EXITING,
  /** Every exit hook returned normally. Terminal. */
  STOPPED,
  /** A hook or the constructor threw; the event that entered this phase carries the failure. Terminal. */
  FAILED;

  /** Whether the container has ended: no hook runs and no call is served any more. */
  public boolean isTerminal() {
    return this == STOPPED || this == FAILED;
  }

  /** Whether {@code next} may follow this phase. */
  public boolean canMoveTo(Phase next) {
    return switch (this) {
      case CREATED -> next == ENTERING_BEFORE_SNAPSHOT || next == ENTERING_AFTER_SNAPSHOT || next == FAILED;
      // Straight to ENTERING_AFTER_SNAPSHOT when snap hooks exist without a snapshot (defensive:
      // the processor rejects snap hooks on services without enableMemorySnapshot).
      case ENTERING_BEFORE_SNAPSHOT -> next == SNAPSHOT || next == ENTERING_AFTER_SNAPSHOT || next == EXITING;
      // EXITING: only when the engine itself broke (an Error); a failed snapshot is a cold start.
      case SNAPSHOT -> next == ENTERING_AFTER_SNAPSHOT || next == EXITING;
      case ENTERING_AFTER_SNAPSHOT -> next == RUNNING || next == STOPPING || next == EXITING;
      case RUNNING -> next == STOPPING;
      case STOPPING -> next == EXITING;
      case EXITING -> next == STOPPED || next == FAILED;
      case STOPPED, FAILED -> false;
    };
  }
}
