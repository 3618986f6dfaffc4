package dev.lifecycle.pool.internal.supervisor;

import java.util.Optional;

/**
 * Where one worker container is in its life: starting, ready, stopping, ended; whether calls may
 * still be routed to it; and, once it went away without being asked to, how its process ended.
 * It ends once, however many threads find it ended.
 */
final class WorkerState {

  /** Where the container is. */
  enum State { STARTING, READY, STOPPING, ENDED }

  private volatile State state = State.STARTING;
  /** The worker began to stop on its own (a signal) or is being found lost: route no calls to it. */
  private volatile boolean leaving;
  /** How the worker ended, when it went away without being asked to. */
  private volatile String lostStatus;
  /** Guarded by {@code this}. */
  private boolean ended;
  /** Guarded by {@code this}: a loss is handled once. */
  private boolean lossHandled;

  State current() {
    return state;
  }

  /** The worker said it is ready; a container already stopping stays so. */
  void ready() {
    synchronized (this) {
      if (state == State.STARTING) {
        state = State.READY;
      }
    }
  }

  /** Asked to stop, or killed: no new calls, and its end is no loss. */
  void stopping() {
    synchronized (this) {
      if (!ended) {
        state = State.STOPPING;
      }
    }
  }

  /** The worker began to stop on its own: it refuses new calls. */
  void leaving() {
    leaving = true;
  }

  /** Whether new calls may be routed here: serving, and not on its way out. */
  boolean acceptsCalls() {
    return state == State.READY && !leaving;
  }

  /**
   * Claims the handling of the worker's loss: false when it was asked to stop (its stop ends it)
   * or another thread handles the loss already.
   */
  synchronized boolean claimLoss() {
    if (state == State.STOPPING || state == State.ENDED || lossHandled) {
      return false;
    }
    lossHandled = true;
    leaving = true;
    return true;
  }

  /** Records how the lost worker ended; before {@link #end}, so that whoever sees it ended sees how. */
  void lostWith(String status) {
    lostStatus = status;
  }

  /** How the worker ended when it was lost; empty when it was stopped (or runs). */
  Optional<String> lostStatus() {
    return Optional.ofNullable(lostStatus);
  }

  /**
   * Ends the container; true for the one caller that ended it.
   *
   * @return whether this call ended it (and should release what it holds)
   */
  synchronized boolean end() {
    if (ended) {
      return false;
    }
    ended = true;
    state = State.ENDED;
    return true;
  }

  synchronized boolean hasEnded() {
    return ended;
  }

  @Override
  public String toString() {
    return state.toString();
  }
}
