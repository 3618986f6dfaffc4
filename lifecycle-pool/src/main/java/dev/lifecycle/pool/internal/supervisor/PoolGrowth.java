package dev.lifecycle.pool.internal.supervisor;

import dev.lifecycle.pool.ScalingDecision;
import dev.lifecycle.pool.internal.scheduling.PoolScheduler;
import dev.lifecycle.pool.internal.scheduling.ScalingLog;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Makes the starts a pool's scheduler asks for, each recorded as a {@link ScalingDecision}: a
 * caller's (on the caller's thread), and the pool's own, up to its minimum and its buffer (in the
 * background). The pool's own starts back off after failures, 1 s doubling to 60 s, so that a
 * service whose containers cannot start is not restarted in a loop.
 */
public final class PoolGrowth {

  private final PoolScheduler<WorkerContainer> scheduler;
  private final ContainerStarter starter;
  private final ScalingLog scaling;
  private final ExecutorService background;
  private final int minContainers;
  private final int bufferContainers;
  private final BooleanSupplier closed;
  /** The pool's own starts that failed in a row. */
  private final AtomicInteger failures = new AtomicInteger();
  /** {@link System#nanoTime()} before which the pool makes no start of its own. */
  private volatile long pausedUntil = System.nanoTime();

  public PoolGrowth(PoolScheduler<WorkerContainer> scheduler, ContainerStarter starter,
      ScalingLog scaling, ExecutorService background, int minContainers, int bufferContainers,
      BooleanSupplier closed) {
    this.scheduler = scheduler;
    this.starter = starter;
    this.scaling = scaling;
    this.background = background;
    this.minContainers = minContainers;
    this.bufferContainers = bufferContainers;
    this.closed = closed;
  }

  /** Starts a container for a caller who found every container busy. */
  public WorkerContainer startForCaller() {
    WorkerContainer started = starter.start();
    scaling.record(ScalingDecision.Action.STARTED, ScalingDecision.Reason.CALLER, started.id(),
        scheduler.size(), "started " + started.id() + " (" + kindOf(started) + ") for a caller:"
            + " every container was busy");
    return started;
  }

  /** Starts a container the pool needs for itself; a failure is recorded and pauses such starts. */
  public WorkerContainer startFor(PoolScheduler.Need need) {
    ScalingDecision.Reason reason = need == PoolScheduler.Need.MINIMUM
        ? ScalingDecision.Reason.MINIMUM : ScalingDecision.Reason.BUFFER;
    String purpose = need == PoolScheduler.Need.MINIMUM
        ? "to keep the minimum of " + minContainers
        : "to keep a buffer of " + bufferContainers + " idle";
    WorkerContainer started;
    try {
      started = starter.start();
    } catch (RuntimeException e) {
      if (closed.getAsBoolean()) {
        throw e; // the pool closes: not a failure to report or to back off from
      }
      int failed = failures.incrementAndGet();
      Duration pause = Duration.ofSeconds(Math.min(60, 1L << Math.min(6, failed - 1)));
      pausedUntil = System.nanoTime() + pause.toNanos();
      scaling.record(ScalingDecision.Action.START_FAILED, reason, "", scheduler.size() - 1,
          "could not start a container " + purpose + ": " + e.getMessage() + "; the pool tries"
              + " again in " + pause.toSeconds() + " s");
      throw e;
    }
    failures.set(0);
    scaling.record(ScalingDecision.Action.STARTED, reason, started.id(), scheduler.size(),
        "started " + started.id() + " (" + kindOf(started) + ") " + purpose);
    return started;
  }

  /**
   * Starts, in the background, what the pool lacks of its minimum and its buffer.
   *
   * @return the starts, each failing with what its start threw (recorded by {@link #startFor})
   */
  public List<Future<WorkerContainer>> startWhatIsLacking() {
    List<Future<WorkerContainer>> starts = new ArrayList<>();
    for (Optional<PoolScheduler.Need> need = scheduler.reservePoolStart(); need.isPresent();
        need = scheduler.reservePoolStart()) {
      PoolScheduler.Need reason = need.get();
      try {
        starts.add(background.submit(() -> scheduler.startOutsideLock(() -> startFor(reason))));
      } catch (RejectedExecutionException closing) {
        scheduler.cancelReservedStart();
        break;
      }
    }
    return starts;
  }

  /**
   * {@link #startWhatIsLacking}, unless the pool is closed or pauses after failed starts: for the
   * pool's periodic check and a lost container's replacement, which nobody waits for.
   */
  public void keepMinimumAndBuffer() {
    if (!closed.getAsBoolean() && System.nanoTime() - pausedUntil >= 0) {
      startWhatIsLacking();
    }
  }

  /** A caller took a slot: with a buffer, it may have been a buffer container's, to replace. */
  public void afterCallerTookASlot() {
    if (bufferContainers > 0) {
      keepMinimumAndBuffer();
    }
  }

  private static String kindOf(WorkerContainer container) {
    return container.startKind().name().toLowerCase(Locale.ROOT);
  }
}
