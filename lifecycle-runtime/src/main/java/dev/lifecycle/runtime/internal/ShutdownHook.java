package dev.lifecycle.runtime.internal;

import java.lang.System.Logger.Level;

/**
 * Stops a container when the JVM shuts down (SIGTERM, SIGINT, {@code System.exit}).
 *
 * <p>The JVM ignores further SIGTERMs and SIGINTs once it runs its shutdown hooks and waits for
 * every hook to return, so exit hooks that run here, or that another thread is running while
 * this hook waits for them, are not cut short by a second signal.
 */
public final class ShutdownHook {

  private static final System.Logger LOG = System.getLogger(ShutdownHook.class.getName());

  private final Thread thread;

  public ShutdownHook(ContainerName containerId, Runnable stop) {
    this.thread = new Thread(() -> {
      // Named when it runs: a clone restored from a snapshot has taken its own id since.
      Thread.currentThread().setName("lifecycle-shutdown-" + containerId);
      LOG.log(Level.INFO, () -> "JVM shutting down: stopping container " + containerId);
      stop.run();
    }, "lifecycle-shutdown-" + containerId);
  }

  public void register() {
    Runtime.getRuntime().addShutdownHook(thread);
  }

  /** Removes the hook after an explicit stop, so that a long-lived JVM does not collect them. */
  public void unregister() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to; it will find the container stopped and return.
    }
  }
}
