package dev.lifecycle.runtime.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits at most {@code max} calls at once, strictly in arrival order, and knows which are
 * running. A {@link java.util.concurrent.Semaphore} would do the counting, but closing must also
 * turn away the callers already waiting, at once, and draining must see the calls still running.
 */
final class InputSlots {

  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<InputCall> waiting = new ArrayDeque<>();
  private final Set<InputCall> running = new LinkedHashSet<>();
  private boolean closed;

  InputSlots(int max) {
    this.max = max;
  }

  /**
   * Waits until {@code call} is first in line and a slot is free, then takes the slot.
   *
   * @return {@code false} when the slots are closed, before or while waiting
   */
  boolean acquire(InputCall call) throws InterruptedException {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      waiting.add(call);
      try {
        while (!closed && (waiting.peek() != call || running.size() >= max)) {
          changed.await();
        }
      } finally {
        waiting.remove(call);
        // The next in line may be able to go now (another free slot) or must re-check.
        changed.signalAll();
      }
      if (closed) {
        return false;
      }
      running.add(call);
      return true;
    } finally {
      lock.unlock();
    }
  }

  void release(InputCall call) {
    lock.lock();
    try {
      running.remove(call);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Turns away every waiting and every future caller. Calls already running keep their slots. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code grace} for the running calls to finish, ignoring interrupts: a stop must
   * not be cut short halfway (the interrupt flag is set again on return).
   *
   * @return the calls still running when the grace period ended, in the order they started
   */
  List<InputCall> awaitIdle(Duration grace) {
    boolean interrupted = false;
    long remaining = grace.toNanos();
    lock.lock();
    try {
      long deadline = System.nanoTime() + remaining;
      while (!running.isEmpty() && remaining > 0) {
        try {
          changed.awaitNanos(remaining);
        } catch (InterruptedException e) {
          interrupted = true;
        }
        remaining = deadline - System.nanoTime();
      }
      return new ArrayList<>(running);
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
