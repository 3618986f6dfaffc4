package dev.lifecycle.web.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a frontend gives the JDK server: every exchange runs at once on a daemon thread of
 * its own, at most as many as {@link ExchangeThreads} allows (an exchange over the bound has its
 * connection closed, with a warning), and the exchanges handed over but not finished are counted,
 * so that closing can wait until each accepted request got its answer.
 *
 * <p>The count starts when the server hands an exchange over, before its request line is read,
 * not when the router sees it: an exchange between the two must be waited for as well.
 */
final class WebThreads implements Executor {

  private final ThreadPoolExecutor pool;
  private final Object lock = new Object();
  /** Guarded by {@code lock}: exchanges handed over and not finished. */
  private int inProgress;

  WebThreads(String containerId) {
    AtomicInteger count = new AtomicInteger();
    // Daemon threads, as for inputs: a container nobody closed must not keep the JVM alive.
    this.pool = ExchangeThreads.create("The web frontend of container " + containerId, task -> {
      Thread thread = new Thread(task, "lifecycle-" + containerId + "-web-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void execute(Runnable exchange) {
    synchronized (lock) {
      inProgress++;
    }
    try {
      pool.execute(() -> {
        try {
          exchange.run();
        } finally {
          finished();
        }
      });
    } catch (RejectedExecutionException e) {
      finished(); // over the bound, or closed: the server closes the connection
      throw e;
    }
  }

  /** Starts {@code server} from one of these daemon threads; see {@link WebResponses}. */
  void start(HttpServer server) throws IOException {
    WebResponses.startOnDaemonThread(server, pool);
  }

  /**
   * Waits up to {@code limit} until no exchange is in progress, ignoring interrupts (setting the
   * flag again afterwards), like the input drain it follows.
   */
  void awaitIdle(Duration limit) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lock) {
      long remaining;
      while (inProgress > 0 && (remaining = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the threads, interrupting an exchange that outlived {@link #awaitIdle}. */
  void close() {
    pool.shutdownNow();
  }

  private void finished() {
    synchronized (lock) {
      inProgress--;
      lock.notifyAll();
    }
  }
}
