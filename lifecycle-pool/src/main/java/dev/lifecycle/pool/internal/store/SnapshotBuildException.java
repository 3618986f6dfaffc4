package dev.lifecycle.pool.internal.store;

/** A {@link SnapshotBuilder} failed; nothing was stored. The cause is what the builder threw. */
public final class SnapshotBuildException extends Exception {

  private static final long serialVersionUID = 1L;

  public SnapshotBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
