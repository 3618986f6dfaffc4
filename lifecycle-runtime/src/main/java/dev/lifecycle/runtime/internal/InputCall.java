package dev.lifecycle.runtime.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One input (a call of a {@code @Method}, a web request): its result, and the thread running it, so that a timeout or the
 * end of the grace period can interrupt exactly this call and not whatever that pooled thread
 * runs next.
 */
final class InputCall {

  private final String method;
  private final String description;
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private long startNanos;
  private Thread thread;
  private boolean finished;
  private volatile RuntimeException runtimeFailure;

  /**
   * @param method the Java method the input calls
   * @param description how messages name the input: {@code @Method predict}, {@code @WebEndpoint
   *     POST /predict}
   */
  InputCall(String method, String description) {
    this.method = method;
    this.description = description;
  }

  String method() {
    return method;
  }

  String description() {
    return description;
  }

  CompletableFuture<Object> result() {
    return result;
  }

  /** Called by the thread that runs the call, before it calls the method. */
  synchronized void started() {
    thread = Thread.currentThread();
    startNanos = System.nanoTime();
  }

  /**
   * Called by the thread that ran the call, after the method returned or threw. Clears an
   * interrupt that arrived too late to matter, so that it cannot hit the thread's next call.
   */
  void finished() {
    synchronized (this) {
      finished = true;
    }
    Thread.interrupted();
  }

  /** How long the call has been running; zero before it started. */
  synchronized Duration runningFor() {
    return thread == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The thread's name, for reports; empty before the call started. */
  synchronized String threadName() {
    return thread == null ? "" : thread.getName();
  }

  /**
   * Fails the call with {@code failure} unless it already has a result, and interrupts it if it
   * is still running.
   *
   * @return whether {@code failure} became the call's result
   */
  synchronized boolean fail(RuntimeException failure) {
    // Set before completing, so that whoever sees the failure as the result also sees it here;
    // synchronized, so that a timeout and a stop failing the call at once cannot mix up.
    RuntimeException previous = runtimeFailure;
    runtimeFailure = failure;
    boolean won = result.completeExceptionally(failure);
    if (!won) {
      runtimeFailure = previous;
    }
    interrupt();
    return won;
  }

  /** The failure this runtime gave the call (timeout, stop), as opposed to one the method threw. */
  RuntimeException runtimeFailure() {
    return runtimeFailure;
  }

  private synchronized void interrupt() {
    if (thread != null && !finished) {
      thread.interrupt();
    }
  }
}
