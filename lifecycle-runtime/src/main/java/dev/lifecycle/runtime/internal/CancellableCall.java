package dev.lifecycle.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The future of an asynchronous call, run by a thread that makes the blocking call: cancelling it
 * interrupts that thread (unless made not to), which then abandons the call as a blocking
 * caller's interrupt does (an input waiting for a slot never starts; a running one is interrupted
 * and keeps its slot until it returns). {@code CompletableFuture.cancel} alone interrupts nothing.
 */
public final class CancellableCall extends CompletableFuture<Object> {

  /** Whether cancelling interrupts the runner, or only completes this future for it to see. */
  private final boolean interruptsRunner;
  /** The thread running the call; null before and after. Guarded by {@code this}. */
  private Thread runner;

  /** A call that cancelling interrupts: for a runner whose waits may all be interrupted. */
  public CancellableCall() {
    this(true);
  }

  /**
   * @param interruptsRunner false for a runner that must not be interrupted (it writes to a shared
   *     connection, starts a container): it watches this future instead, as a cancellation signal
   */
  public CancellableCall(boolean interruptsRunner) {
    this.interruptsRunner = interruptsRunner;
  }

  /** Runs {@code call} on this thread and completes with its outcome, unless cancelled first. */
  public void run(Supplier<Object> call) {
    synchronized (this) {
      if (isDone()) {
        return; // cancelled while it waited for a thread
      }
      runner = Thread.currentThread();
    }
    try {
      complete(call.get());
    } catch (RuntimeException | Error e) {
      completeExceptionally(e);
    } finally {
      synchronized (this) {
        runner = null;
      }
      // A cancel that came as the call ended must not hit the thread's next call.
      Thread.interrupted();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled && interruptsRunner) {
      synchronized (this) {
        if (runner != null) {
          runner.interrupt();
        }
      }
    }
    return cancelled;
  }

  /** The most threads that make asynchronous calls for one container or pool. */
  public static final int MAX_THREADS = 1024;
  /** The most asynchronous calls waiting for one of those threads; more are refused. */
  public static final int MAX_QUEUED = 100_000;

  /**
   * Threads that make asynchronous calls: at most {@code max} (and {@link #MAX_THREADS}) at once,
   * up to {@link #MAX_QUEUED} more queued in order (beyond, {@code execute} refuses), daemons
   * named {@code name-N}, ending when idle.
   */
  public static ThreadPoolExecutor threads(String name, long max) {
    int threadCount = (int) Math.max(1, Math.min(max, MAX_THREADS));
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor threads = new ThreadPoolExecutor(
        threadCount, threadCount, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(MAX_QUEUED), task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }
}
