package dev.lifecycle.runtime.internal;

import dev.lifecycle.runtime.StopReport;
import dev.lifecycle.runtime.StopTrigger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Makes sure one container stops exactly once, whoever asks and whenever: an explicit close, the
 * JVM's shutdown hook, both at once, or either while the enter hooks still run.
 *
 * <p>The first request wins and its thread runs the stop; every other request waits for the same
 * report. A request that arrives while the container starts is remembered and carried out by the
 * starting thread as soon as the enter hooks are done, since the exit hooks must not run beside
 * them.
 */
public final class StopCoordinator {

  private final Object lock = new Object();
  private final CompletableFuture<StopReport> done = new CompletableFuture<>();
  private boolean starting = true;
  private StopTrigger requested;
  /** The thread running the stop, so that it cannot wait for itself. */
  private volatile Thread stopper;

  /**
   * Called by the starting thread once the enter hooks are done.
   *
   * @param lifecycle marked running ({@link ContainerLifecycle#serve()}) under the lock, so that
   *     no stop request slips in between the check and the phase change; taken as itself, not as a
   *     method reference, which a restored clone would link on its start, at about a millisecond
   * @return the stop requested meanwhile, which the caller must now carry out; {@code null} when
   *     the container is running
   */
  public StopTrigger started(ContainerLifecycle lifecycle) {
    synchronized (lock) {
      starting = false;
      if (requested == null) {
        lifecycle.serve();
      } else {
        stopper = Thread.currentThread();
      }
      return requested;
    }
  }

  /** Called by the starting thread when the start failed; the stop is then already done. */
  public void startFailed(StopReport report) {
    synchronized (lock) {
      starting = false;
      if (requested == null) {
        requested = StopTrigger.START_FAILED;
      }
    }
    done.complete(report);
  }

  /**
   * Asks for a stop.
   *
   * @return whether the caller must run the stop now; otherwise someone else does, and the caller
   *     waits with {@link #awaitStopped()}
   */
  public boolean claim(StopTrigger trigger) {
    synchronized (lock) {
      if (requested != null) {
        return false;
      }
      requested = trigger;
      if (!starting) {
        stopper = Thread.currentThread();
      }
      return !starting;
    }
  }

  public void stopped(StopReport report) {
    done.complete(report);
  }

  public void stopFailed(Throwable failure) {
    done.completeExceptionally(failure);
  }

  /**
   * Waits for the stop, however long the exit hooks take, ignoring interrupts (and setting the
   * flag again afterwards): a caller that gave up early would let the JVM exit halfway through
   * the exit hooks.
   */
  public StopReport awaitStopped() {
    if (Thread.currentThread() == stopper && !done.isDone()) {
      // An exit hook or a listener closing its own container would wait for itself forever.
      throw new IllegalStateException(
          "close() or stop() was called by the thread that is stopping this container (from an "
              + "exit hook or a listener?); it is already stopping, there is nothing to wait for.");
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("The stop of this container failed in another thread", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
