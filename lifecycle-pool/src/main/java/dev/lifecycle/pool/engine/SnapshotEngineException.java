package dev.lifecycle.pool.engine;

/** A checkpoint or a restore failed; the message says what happened, in the engine's words. */
public class SnapshotEngineException extends Exception {

  private static final long serialVersionUID = 1L;

  public SnapshotEngineException(String message) {
    super(message);
  }

  public SnapshotEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
