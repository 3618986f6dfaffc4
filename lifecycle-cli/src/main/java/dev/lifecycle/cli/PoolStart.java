package dev.lifecycle.cli;

import dev.lifecycle.pool.ContainerPool;
import dev.lifecycle.pool.ContainerPoolBuilder;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The start of {@code lifecycle run}'s pool on a thread of its own, so that a stop asked for while
 * it starts (a cold start and a checkpoint can take minutes) ends the start instead of waiting for
 * it: the thread is interrupted, and {@link ContainerPoolBuilder#build()} then closes what it
 * opened (the starting container is asked to stop, and killed if it has not stopped within its
 * exit grace period and 10 s for its exit hooks).
 */
final class PoolStart {

  /** How often the waiting thread looks at the stop request: a person's reaction time. */
  private static final long POLL_MILLIS = 100;

  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile ContainerPool pool;
  private volatile RuntimeException failure;

  private PoolStart(ContainerPoolBuilder builder) {
    this.thread = new Thread(() -> {
      try {
        pool = builder.build();
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        done.countDown();
      }
    }, "lifecycle-run-start");
  }

  /** Starts building the pool. */
  static PoolStart begin(ContainerPoolBuilder builder) {
    PoolStart start = new PoolStart(builder);
    start.thread.start();
    return start;
  }

  /**
   * The pool once it started; empty when {@code stop} came first: then the start is interrupted
   * and waited for, and a pool that was ready all the same is closed.
   *
   * @throws RuntimeException what the build threw, when no stop was asked for
   */
  Optional<ContainerPool> awaitUnless(CountDownLatch stop) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true; // this thread has nothing else to do: the start is what matters
        }
        if (stop.getCount() == 0) {
          thread.interrupt();
          awaitDone();
          ContainerPool started = pool;
          if (started != null) { // ready just as the stop came
            started.close();
          }
          return Optional.empty();
        }
      }
      if (failure != null) {
        throw failure;
      }
      return Optional.of(pool);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitDone() {
    boolean interrupted = false;
    while (done.getCount() > 0) {
      try {
        done.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
