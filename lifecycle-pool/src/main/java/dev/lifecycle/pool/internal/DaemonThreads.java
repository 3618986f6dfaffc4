package dev.lifecycle.pool.internal;

import java.util.concurrent.ThreadFactory;

/** Threads of a pool that must not keep the JVM alive when nobody closed the pool. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Daemon threads named {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
