package dev.lifecycle.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The future of an asynchronous call, run by a thread that makes the blocking call: cancelling it
 * interrupts that thread, which then abandons the call as a blocking caller's interrupt does (an
 * input waiting for a slot never starts; a running one is interrupted and keeps its slot until it
 * returns). {@code CompletableFuture.cancel} alone interrupts nothing.
 */
public final class CancellableCall extends CompletableFuture<Object> {

  /** The thread running the call; null before and after. Guarded by {@code this}. */
  private Thread runner;

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
    if (cancelled) {
      synchronized (this) {
        if (runner != null) {
          runner.interrupt();
        }
      }
    }
    return cancelled;
  }

  /**
   * Threads that make asynchronous calls: at most {@code max} at once, the rest queued in order,
   * daemons named {@code name-N}, ending when idle.
   */
  public static ThreadPoolExecutor threads(String name, int max) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor threads = new ThreadPoolExecutor(
        max, max, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }
}
