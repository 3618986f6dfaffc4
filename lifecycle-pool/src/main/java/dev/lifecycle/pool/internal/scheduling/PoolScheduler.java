package dev.lifecycle.pool.internal.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Which container serves the next call: a serving container with a free input slot, the oldest
 * first (so that surplus containers go idle and are scaled down); else a new container, started
 * for this caller while the pool is below its maximum; else the caller waits for a free slot.
 *
 * <p>A container's input slots are its {@code maxConcurrentInputs}; the worker enforces the same
 * limit, this only routes calls to where they run at once.
 */
public final class PoolScheduler<C extends PoolScheduler.Schedulable> {

  /** What the scheduler needs to know of a container. */
  public interface Schedulable {
    /** Whether new calls may be routed to it now. */
    boolean acceptsCalls();

    /** How many calls it serves at once. */
    int maxConcurrentInputs();
  }

  /** A serving container and the calls the scheduler routed to it. Guarded by lock. */
  private static final class Slots<C> {
    final C container;
    int inFlight;
    long idleSinceNanos = System.nanoTime();

    Slots(C container) {
      this.container = container;
    }
  }

  private final int minContainers;
  private final int maxContainers;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** Guarded by lock: the containers that serve calls, oldest first. */
  private final List<Slots<C>> serving = new ArrayList<>();
  /** Guarded by lock. */
  private int starting;
  /** Guarded by lock. */
  private boolean closed;

  public PoolScheduler(int minContainers, int maxContainers) {
    this.minContainers = minContainers;
    this.maxContainers = maxContainers;
  }

  /** What a caller does when the pool is closed. */
  public interface Refusal {
    RuntimeException refuse();
  }

  /**
   * A container with a slot taken for the caller; {@link #release} it after the call.
   *
   * @param starter starts a container, when the caller may start one
   * @throws InterruptedException when the caller is interrupted while it waits
   */
  public C acquire(Supplier<C> starter, Refusal closedPool)
      throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw closedPool.refuse();
        }
        for (Slots<C> slots : serving) {
          if (slots.container.acceptsCalls()
              && slots.inFlight < slots.container.maxConcurrentInputs()) {
            slots.inFlight++;
            return slots.container;
          }
        }
        if (serving.size() + starting < maxContainers) {
          starting++;
          break;
        }
        changed.await();
      }
    } finally {
      lock.unlock();
    }
    // The caller's slot is taken as the container joins: no other caller can take it first.
    return start(starter, 1);
  }

  /** Gives the call's slot back. */
  public void release(C container) {
    lock.lock();
    try {
      slotsOf(container).ifPresent(slots -> {
        slots.inFlight--;
        if (slots.inFlight == 0) {
          slots.idleSinceNanos = System.nanoTime();
        }
      });
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes a start for the pool itself (its minimum, a replacement) when the pool holds fewer than
   * {@code target} containers, counting those starting.
   *
   * @return whether the caller should start one now (then {@link #startOutsideLock} it)
   */
  public boolean reserveStartBelow(int target) {
    lock.lock();
    try {
      if (!closed && serving.size() + starting < Math.min(target, maxContainers)) {
        starting++;
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Runs a start reserved by {@link #reserveStartBelow}. */
  public C startOutsideLock(Supplier<C> starter) {
    return start(starter, 0);
  }

  /** Runs a reserved start; the container joins with {@code callsInFlight} of its slots taken. */
  private C start(Supplier<C> starter, int callsInFlight) {
    C started;
    try {
      started = starter.get();
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        starting--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      throw e;
    }
    lock.lock();
    try {
      starting--;
      Slots<C> slots = new Slots<>(started);
      slots.inFlight = callsInFlight;
      serving.add(slots);
      changed.signalAll();
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** A container ended or is stopping: it serves no more calls. */
  public void remove(C container) {
    lock.lock();
    try {
      serving.removeIf(slots -> slots.container == container);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes out of service the containers idle for longer than {@code idleTimeout}, oldest idle
   * first, as long as the pool keeps its minimum; the caller stops them.
   */
  public List<C> takeIdle(Duration idleTimeout) {
    lock.lock();
    try {
      List<C> idle = new ArrayList<>();
      long now = System.nanoTime();
      for (int i = serving.size() - 1; i >= 0 && serving.size() > minContainers; i--) {
        Slots<C> slots = serving.get(i);
        if (slots.inFlight == 0 && slots.container.acceptsCalls()
            && now - slots.idleSinceNanos > idleTimeout.toNanos()) {
          serving.remove(i);
          idle.add(slots.container);
        }
      }
      return idle;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses every waiting and future caller. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      serving.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by lock; empty once the container left the scheduler. */
  private Optional<Slots<C>> slotsOf(C container) {
    return serving.stream().filter(slots -> slots.container == container).findFirst();
  }

  /** How many containers serve or start. */
  public int size() {
    lock.lock();
    try {
      return serving.size() + starting;
    } finally {
      lock.unlock();
    }
  }
}
