package dev.lifecycle.pool.internal.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
public final class PoolScheduler {

  private final int minContainers;
  private final int maxContainers;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** Guarded by lock: the containers that serve calls, oldest first. */
  private final List<WorkerContainer> serving = new ArrayList<>();
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
  public WorkerContainer acquire(Supplier<WorkerContainer> starter, Refusal closedPool)
      throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw closedPool.refuse();
        }
        for (WorkerContainer c : serving) {
          if (c.acceptsCalls() && c.inFlight < c.maxConcurrentInputs()) {
            c.inFlight++;
            return c;
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
    WorkerContainer started = startOutsideLock(starter);
    lock.lock();
    try {
      started.inFlight++;
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** Gives the call's slot back. */
  public void release(WorkerContainer container) {
    lock.lock();
    try {
      container.inFlight--;
      if (container.inFlight == 0) {
        container.idleSinceNanos = System.nanoTime();
      }
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

  /** Runs a start reserved by {@link #reserveStartBelow} or by {@link #acquire}. */
  public WorkerContainer startOutsideLock(Supplier<WorkerContainer> starter) {
    WorkerContainer started;
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
      serving.add(started);
      changed.signalAll();
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** A container ended or is stopping: it serves no more calls. */
  public void remove(WorkerContainer container) {
    lock.lock();
    try {
      serving.remove(container);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes out of service the containers idle for longer than {@code idleTimeout}, oldest idle
   * first, as long as the pool keeps its minimum; the caller stops them.
   */
  public List<WorkerContainer> takeIdle(Duration idleTimeout) {
    lock.lock();
    try {
      List<WorkerContainer> idle = new ArrayList<>();
      long now = System.nanoTime();
      for (int i = serving.size() - 1; i >= 0 && serving.size() > minContainers; i--) {
        WorkerContainer c = serving.get(i);
        if (c.inFlight == 0 && c.acceptsCalls()
            && now - c.idleSinceNanos > idleTimeout.toNanos()) {
          serving.remove(i);
          idle.add(c);
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
