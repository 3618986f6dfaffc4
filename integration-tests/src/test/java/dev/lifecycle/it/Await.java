package dev.lifecycle.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions with generous bounds: the build machine is small and shared. */
final class Await {

  static final Duration GENEROUS = Duration.ofSeconds(30);

  private Await() {}

  static void until(BooleanSupplier condition, Supplier<String> description) {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + GENEROUS + ": " + description.get());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + description.get(), e);
      }
    }
  }

  /** Waits until {@code thread} blocks (here: a caller waiting for an input slot). */
  static void blocked(Thread thread) {
    until(
        () -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING,
        () -> thread.getName() + " to wait; it is " + thread.getState());
  }
}
