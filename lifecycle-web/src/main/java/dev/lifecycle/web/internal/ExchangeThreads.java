package dev.lifecycle.web.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads a JDK HTTP server of Lifecycle runs its exchanges on: each exchange at once on a
 * daemon thread of its own, at most {@value #MAX_THREADS} of them ({@value #DEFAULT_MAX_THREADS}
 * unless that system property says otherwise when the server is created).
 *
 * <p>No queue: a request to an endpoint may hold its thread while it waits for an input slot, so
 * a request queued behind such waiters would wait with them, even a 404 that needs no slot. An
 * exchange over the bound is refused instead: the JDK server closes its connection without an
 * answer, and a warning says so, at most once per {@value #WARNING_INTERVAL_SECONDS} s per
 * server, with how many were closed. Together with the bound on how long a request may take to
 * arrive ({@link HttpServers}), slow clients hold at most that many threads for at most that long.
 * Idle threads end after 30 s.
 */
public final class ExchangeThreads {

  /** The system property that bounds the threads of each HTTP server Lifecycle starts. */
  public static final String MAX_THREADS = "dev.lifecycle.http.maxThreads";
  /** Enough for many clients at once; a thread waiting for an input slot costs a mostly untouched stack. */
  public static final int DEFAULT_MAX_THREADS = 200;
  static final long WARNING_INTERVAL_SECONDS = 10;

  private static final System.Logger LOG = System.getLogger(ExchangeThreads.class.getName());

  private ExchangeThreads() {}

  /**
   * A bounded executor for one server.
   *
   * @param server what the server is, for the warning: {@code "the web frontend of container
   *     Model-1"}
   * @param threads names the threads and makes them daemons
   * @throws IllegalArgumentException when {@value #MAX_THREADS} is set to anything but a whole
   *     number of at least 1
   */
  public static ThreadPoolExecutor create(String server, ThreadFactory threads) {
    int max = maxThreads();
    return new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads,
        new Refusal(server, max));
  }

  static int maxThreads() {
    String value = System.getProperty(MAX_THREADS);
    if (value == null) {
      return DEFAULT_MAX_THREADS;
    }
    try {
      int max = Integer.parseInt(value.trim());
      if (max >= 1) {
        return max;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("The system property " + MAX_THREADS + " is '" + value
        + "': it bounds the requests each HTTP server of Lifecycle serves at once; give a whole"
        + " number of at least 1, or leave it unset for " + DEFAULT_MAX_THREADS + ".");
  }

  /** Counts and reports exchanges over the bound; the JDK server closes their connections. */
  private static final class Refusal implements RejectedExecutionHandler {

    private final String server;
    private final int max;
    /** Guarded by {@code this}. */
    private long refused;
    /** Guarded by {@code this}: when the last warning was given, or 0 for never. */
    private long lastWarningNanos;

    Refusal(String server, int max) {
      this.server = server;
      this.max = max;
    }

    @Override
    public void rejectedExecution(Runnable exchange, ThreadPoolExecutor executor) {
      if (executor.isShutdown()) {
        throw new RejectedExecutionException(server + " is closed");
      }
      warn();
      throw new RejectedExecutionException(server + " serves " + max + " requests already");
    }

    private synchronized void warn() {
      refused++;
      long now = System.nanoTime();
      if (lastWarningNanos != 0
          && now - lastWarningNanos < TimeUnit.SECONDS.toNanos(WARNING_INTERVAL_SECONDS)) {
        return;
      }
      lastWarningNanos = now;
      LOG.log(Level.WARNING, "{0} serves {1} requests at once, its bound: it closed a new"
          + " connection without an answer ({2} so far). Slow or stalled clients may hold the"
          + " threads (each for at most the request-time bound); to serve more at once, raise the"
          + " system property {3}.", server, max, refused, MAX_THREADS);
    }
  }
}
