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
 * <p>Besides callers, the pool starts containers of its own ({@link #reservePoolStart}): up to its
 * minimum, and enough to keep {@code bufferContainers} idle above those serving calls, so that a
 * burst finds containers ready instead of waiting for restores. Scale-down ({@link #takeIdle})
 * never goes below either.
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

  /** Why the pool itself starts a container. */
  public enum Need {
    /** The pool holds fewer than its minimum. */
    MINIMUM,
    /** Fewer idle containers (ready or starting) than the buffer asks for. */
    BUFFER
  }

  /** How the pool's containers are occupied, at one moment. */
  public record Occupancy(int busy, int idle, int starting) {}

  private final int minContainers;
  private final int maxContainers;
  private final int bufferContainers;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** Guarded by lock: the containers that serve calls, oldest first. */
  private final List<Slots<C>> serving = new ArrayList<>();
  /** Guarded by lock: every start under way, the callers' included. */
  private int starting;
  /** Guarded by lock: the starts of callers, whose containers will be busy when they join. */
  private int startingForCallers;
  /** Guarded by lock. */
  private boolean closed;

  public PoolScheduler(int minContainers, int maxContainers, int bufferContainers) {
    this.minContainers = minContainers;
    this.maxContainers = maxContainers;
    this.bufferContainers = bufferContainers;
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
          startingForCallers++;
          break;
        }
        changed.await();
      }
    } finally {
      lock.unlock();
    }
    // The caller's slot is taken as the container joins: no other caller can take it first.
    return start(starter, true);
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
   * Takes a start for the pool itself when it holds fewer containers than its minimum, or fewer
   * idle ones (counting those starting for it) than its buffer, and is below its maximum.
   *
   * @return why the caller should start one now (then {@link #startOutsideLock} it), or empty
   */
  public Optional<Need> reservePoolStart() {
    lock.lock();
    try {
      int total = serving.size() + starting;
      if (closed || total >= maxContainers) {
        return Optional.empty();
      }
      if (total < minContainers) {
        starting++;
        return Optional.of(Need.MINIMUM);
      }
      if (idleCount() + (starting - startingForCallers) < bufferContainers) {
        starting++;
        return Optional.of(Need.BUFFER);
      }
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** Gives back a start reserved by {@link #reservePoolStart} that will not be made. */
  public void cancelReservedStart() {
    lock.lock();
    try {
      endStart(false);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Runs a start reserved by {@link #reservePoolStart}. */
  public C startOutsideLock(Supplier<C> starter) {
    return start(starter, false);
  }

  /** Runs a reserved start; a caller's container joins with the caller's slot taken. */
  private C start(Supplier<C> starter, boolean forCaller) {
    C started;
    try {
      started = starter.get();
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        endStart(forCaller);
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      throw e;
    }
    lock.lock();
    try {
      endStart(forCaller);
      Slots<C> slots = new Slots<>(started);
      slots.inFlight = forCaller ? 1 : 0;
      serving.add(slots);
      changed.signalAll();
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by lock. */
  private void endStart(boolean forCaller) {
    starting--;
    if (forCaller) {
      startingForCallers--;
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
   * Takes out of service the containers idle for longer than {@code scaledownWindow}, the newest
   * first, as long as the pool keeps its minimum and its buffer of idle containers above those
   * serving calls; the caller stops them.
   */
  public List<C> takeIdle(Duration scaledownWindow) {
    lock.lock();
    try {
      List<C> idle = new ArrayList<>();
      long now = System.nanoTime();
      int keep = Math.max(minContainers, busyCount() + bufferContainers);
      for (int i = serving.size() - 1; i >= 0 && serving.size() > keep; i--) {
        Slots<C> slots = serving.get(i);
        if (slots.inFlight == 0 && slots.container.acceptsCalls()
            && now - slots.idleSinceNanos > scaledownWindow.toNanos()) {
          serving.remove(i);
          idle.add(slots.container);
        }
      }
      return idle;
    } finally {
      lock.unlock();
    }
  }

  /** How the containers are occupied now. */
  public Occupancy occupancy() {
    lock.lock();
    try {
      return new Occupancy(busyCount(), idleCount(), starting);
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by lock: serving containers with a call in flight. */
  private int busyCount() {
    int busy = 0;
    for (Slots<C> slots : serving) {
      if (slots.inFlight > 0) {
        busy++;
      }
    }
    return busy;
  }

  /** Guarded by lock: serving containers without a call, ready for one. */
  private int idleCount() {
    int idle = 0;
    for (Slots<C> slots : serving) {
      if (slots.inFlight == 0 && slots.container.acceptsCalls()) {
        idle++;
      }
    }
    return idle;
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
