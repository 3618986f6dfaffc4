package dev.lifecycle.runtime;

import java.util.function.Consumer;

/**
 * Hears a container's phase changes and, through {@link HookObserver}, each hook it runs.
 *
 * <p>Listeners are called synchronously, on the thread that changes the phase or runs the hook,
 * so they see events in order; they should return quickly. A listener that throws is logged and
 * otherwise ignored: observing a container must never change what it does.
 */
public interface ContainerListener extends HookObserver {

  /** The container entered {@code event.phase()}. */
  default void phaseChanged(PhaseEvent event) {}

  /** A listener that only hears phase changes. */
  static ContainerListener onPhase(Consumer<PhaseEvent> action) {
    return new ContainerListener() {
      @Override
      public void phaseChanged(PhaseEvent event) {
        action.accept(event);
      }
    };
  }
}
