package dev.lifecycle.pool.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * The operating-system side of a worker: a JVM the supervisor launched (its child), or a clone
 * a snapshot engine restored (perhaps not its child). Killing it kills what the worker runs in
 * (for CRIU's clones, their whole pid namespace).
 */
public interface WorkerProcess {

  /** The worker JVM's pid, as this supervisor sees it. */
  long pid();

  /** Whether the worker still runs (a zombie does not). */
  boolean isRunning();

  /**
   * How it ended, e.g. {@code "exited with status 1"} or {@code "was killed by signal 9
   * (SIGKILL)"}; waits up to {@code wait} for the end to become known. Empty when it is still
   * running or its status cannot be known any more.
   */
  Optional<String> exitStatus(Duration wait);

  /** Waits up to {@code timeout} for the worker to end; returns whether it did. */
  boolean awaitExit(Duration timeout);

  /** SIGKILL to the worker (and its pid namespace), then waits briefly for it to go. */
  void kill();

  /** {@code "pid 4711"} plus how the worker came to be, for messages. */
  String describe();
}
